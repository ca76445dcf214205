"""Distributed engines for ``blogtext analyze``: the same per-post analysis on a cluster.

:mod:`.ray_engine` runs it on Ray (``blogtext analyze --engine ray``, the ``blogtext[ray]``
extra); :mod:`._actor` is the part that runs on the Ray workers. Ray itself is imported only
when a run starts, so this package imports without it.
"""

from __future__ import annotations

from blogtext.distributed.ray_engine import RayOptions, run_ray

__all__ = ["RayOptions", "run_ray"]
