import pytest

from devices.scale import SerialScale
from devices.simulators import ScaleSimulator


@pytest.mark.parametrize("protocol", ["sics", "continuous"])
def test_scale_weights_arrive_in_kg_with_stability(recorder, protocol):
    simulator = ScaleSimulator(protocol, interval_s=0.05)
    simulator.set_weight(1.234)
    scale = SerialScale(
        simulator.path,
        recorder.on_item,
        protocol=protocol,
        poll_interval_s=0.05,
        on_status=recorder.on_status,
    )
    scale.start()
    try:
        first = recorder.take(1)[0]
        assert (first.kg, first.stable) == (1.234, True)
        simulator.set_weight(0.5, stable=False, unit="g" if protocol == "sics" else "kg")
        for _ in range(50):
            weight = recorder.take(1)[0]
            if weight.kg == 0.5:
                break
        assert (weight.kg, weight.stable) == (0.5, False)
    finally:
        scale.stop()
        simulator.close()


def test_unknown_protocol_is_refused():
    with pytest.raises(ValueError, match="unknown scale protocol"):
        SerialScale("loop://", print, protocol="morse")
