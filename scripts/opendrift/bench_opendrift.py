#!/usr/bin/env python3
"""Time OpenDrift's Leeway on the benchmark scenario and print one JSON line.

Scenario: PIW-1, lon 4.0, lat 60.2, 500 m radius (1-sigma), released 2015-11-16T00:00Z,
66 h, 10 min steps, 1 h output, 100,000 particles, jibing on (OpenDrift defaults), random
seed 0, OpenDrift's automatic GSHHG land mask. OpenDrift keeps only lon, lat and status in
its in-memory output (export_variables), like a trajectory file would.

Usage: python3 scripts/opendrift/bench_opendrift.py [--wind FILE] [--current FILE]
       [--particles N] [--hours H] [--step-minutes M]
Defaults for the forcing: the full files in ../shared/data/forcing relative to the repository.

Output keys: wall_s_run (seconds from after the imports to the end of the run: reader set-up,
seeding and simulation; excludes Python start-up and importing OpenDrift),
wall_s_total (including interpreter start-up measured from process start, and imports),
peak_rss_mb (peak resident set size of this process, MB = 2^20 bytes).
"""
import time

T_IMPORT_START = time.time()

import argparse  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import warnings  # noqa: E402
from datetime import datetime, timedelta  # noqa: E402

warnings.filterwarnings("ignore")
import opendrift  # noqa: E402,F401


def opendrift_version():
    """The installed distribution's version (opendrift.__version__ of 1.14.12 still says 1.14.11)."""
    import importlib.metadata

    return importlib.metadata.version("opendrift")


from opendrift.models.leeway import Leeway  # noqa: E402
from opendrift.readers import reader_netCDF_CF_generic  # noqa: E402


def process_start_time():
    """Wall-clock time at which this process started (Linux /proc), or None."""
    try:
        with open("/proc/self/stat") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return time.time() - uptime + start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def main():
    repo = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    forcing = os.path.join(repo, "..", "shared", "data", "forcing")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wind", default=os.path.join(forcing, "arome_subset_16Nov2015.nc"))
    parser.add_argument("--current", default=os.path.join(forcing, "norkyst800_subset_16Nov2015.nc"))
    parser.add_argument("--particles", type=int, default=100000)
    parser.add_argument("--hours", type=int, default=66)
    parser.add_argument("--step-minutes", type=int, default=10)
    args = parser.parse_args()
    for path in (args.wind, args.current):
        if not os.path.exists(path):
            sys.exit(f"bench_opendrift: forcing file {path} not found")

    t0 = time.time()
    o = Leeway(loglevel=logging.ERROR)
    o.add_reader(
        [reader_netCDF_CF_generic.Reader(args.current), reader_netCDF_CF_generic.Reader(args.wind)]
    )
    o.seed_elements(lon=4.0, lat=60.2, radius=500, number=args.particles, time=datetime(2015, 11, 16))
    o.run(
        duration=timedelta(hours=args.hours),
        time_step=timedelta(minutes=args.step_minutes),
        time_step_output=timedelta(hours=1),
        export_variables=["lon", "lat", "status"],
    )
    t1 = time.time()
    started = process_start_time() or T_IMPORT_START
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {
                "tool": "opendrift",
                "opendrift_version": opendrift_version(),
                "scenario": "PIW-1 lon 4.0 lat 60.2 radius 500 m 2015-11-16T00:00Z",
                "particles": args.particles,
                "hours": args.hours,
                "step_minutes": args.step_minutes,
                "wind": os.path.abspath(args.wind),
                "current": os.path.abspath(args.current),
                "wall_s_run": round(t1 - t0, 3),
                "wall_s_total": round(t1 - started, 3),
                "peak_rss_mb": round(peak_kib / 1024.0, 1),
                "n_active_end": int(o.num_elements_active()),
            }
        )
    )


if __name__ == "__main__":
    main()
