"""Compiled code cached from a file that changed since is flushed: numba itself only checks the
file a function is defined in, not the files whose code it links in."""

from __future__ import annotations

import importlib.util
import sys

from app.waves.fresh_caches import drop_stale_caches


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_a_change_in_a_linked_file_flushes_the_cache_and_only_then(tmp_path):
    (tmp_path / "dep_kernel.py").write_text("def three():\n    return 3\n")
    (tmp_path / "user_kernel.py").write_text(
        "from numba import njit\n\n\n@njit(cache=True)\ndef six():\n    return 6\n"
    )
    dep = load(tmp_path / "dep_kernel.py", "dep_kernel")
    user = load(tmp_path / "user_kernel.py", "user_kernel")
    assert user.six() == 6  # compiled and cached in tmp_path/__pycache__
    index = user.six._cache._cache_file  # numba's index of what it cached for `six`
    assert index._load_index()

    assert drop_stale_caches(linked=[dep, user], cached=[user])  # never recorded: flushed
    assert not index._load_index()
    assert user.six() == 6  # compiled again (in this process: loaded already)
    user.six.recompile()  # as a new process would: compiled and cached again
    assert index._load_index()
    assert not drop_stale_caches(linked=[dep, user], cached=[user])  # same files: kept
    assert index._load_index()

    (tmp_path / "dep_kernel.py").write_text("def three():\n    return 3  # changed\n")
    assert drop_stale_caches(linked=[dep, user], cached=[user])
    assert not index._load_index()
