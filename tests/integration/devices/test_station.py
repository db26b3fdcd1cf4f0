import pytest

from devices.simulators import ScaleSimulator, VirtualSerialPort
from devices.station import DeviceSettings, start_devices, stop_devices


def test_settings_from_the_environment():
    settings = DeviceSettings.from_env(
        {
            "SHIPSHAPE_SCANNERS": "/dev/ttyACM0, 05e0:1200",
            "SHIPSHAPE_SCALE": "/dev/ttyUSB0",
            "SHIPSHAPE_SCALE_PROTOCOL": "continuous",
            "SHIPSHAPE_GS1_SEPARATOR": "~",
        }
    )
    assert settings.scanners == ("/dev/ttyACM0", "05e0:1200")
    assert (settings.scale, settings.scale_protocol, settings.gs1_separator) == (
        "/dev/ttyUSB0",
        "continuous",
        "~",
    )
    assert DeviceSettings.from_env({}) == DeviceSettings()


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"SHIPSHAPE_SCALE_PROTOCOL": "x"}, "sics"),
        ({"SHIPSHAPE_SCANNER_BAUD": "fast"}, "baud rate"),
    ],
)
def test_bad_settings_say_what_to_write(env, words):
    with pytest.raises(ValueError, match=words):
        DeviceSettings.from_env(env)


def test_a_station_with_two_scanners_and_a_scale(recorder):
    first, second, scale = VirtualSerialPort(), VirtualSerialPort(), ScaleSimulator()
    scale.set_weight(0.75)
    settings = DeviceSettings(scanners=(first.path, second.path), scale=scale.path)
    links = start_devices(
        settings, on_scan=recorder.on_item, on_weight=recorder.on_item, on_status=recorder.on_status
    )
    try:
        for link in links:
            assert link.connected.wait(3)
        assert sorted(link.device_name for link in links) == ["scale", "scanner", "scanner 2"]
        first.write(b"T:0001\r")
        second.write(b"T:0002\r")
        items = recorder.take(6)
        codes = {getattr(item, "code", None) for item in items}
        assert {"0001", "0002"} <= codes
        assert any(getattr(item, "kg", None) == 0.75 for item in items)
    finally:
        stop_devices(links)
        for device in (first, second, scale):
            device.close()
