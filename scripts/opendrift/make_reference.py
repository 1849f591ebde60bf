#!/usr/bin/env python3
"""Generate the OpenDrift Leeway reference fixtures the Swift drift engine is validated against.

Usage (from the repository root):
    python3 scripts/opendrift/make_reference.py per-particle --case real
    python3 scripts/opendrift/make_reference.py per-particle --case constant
    python3 scripts/opendrift/make_reference.py statistical --case real
    python3 scripts/opendrift/make_reference.py statistical --case constant

per-particle: 500 particles, jibing off (jibe_probability 0); writes
    <case>_seed.csv (seeded state), <case>_tracks.csv (hourly float64 positions and status),
    <case>_summary_500.csv and <case>_scenario.json.
statistical: 100,000 particles, jibing on (OpenDrift default 0.04 per hour); writes
    <case>_summary_100k.csv.
Formats: Tests/SarexDriftTests/Fixtures/README.md. Behaviour: docs/opendrift-leeway.md.
"""
import argparse
import json
import logging
import os
import sys
import warnings
from datetime import datetime, timedelta, timezone

import numpy as np

warnings.filterwarnings("ignore")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import summary_stats  # noqa: E402

import opendrift  # noqa: E402,F401


def opendrift_version():
    """The installed distribution's version (opendrift.__version__ of 1.14.12 still says 1.14.11)."""
    import importlib.metadata

    return importlib.metadata.version("opendrift")


from opendrift.models.leeway import Leeway  # noqa: E402
from opendrift.readers import reader_netCDF_CF_generic  # noqa: E402

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
FIXTURES = os.path.join(REPO, "Tests", "SarexDriftTests", "Fixtures")
START = datetime(2015, 11, 16, 0, 0, 0)
DURATION_H = 66
STEP_S = 600
RADIUS_M = 500.0
OBJECT = "PIW-1"
WIND_FROM_SW = 12.0 * np.sqrt(0.5)  # 12 m/s from the south-west: blowing toward the north-east

CASES = {
    "real": {
        "lon": 4.0,
        "lat": 60.2,
        "wind": "data/forcing/arome_subset_16Nov2015.nc",
        "current": "data/forcing/norkyst800_subset_16Nov2015.nc",
    },
    "constant": {
        "lon": 4.6,
        "lat": 60.6,
        "wind_east_mps": WIND_FROM_SW,
        "wind_north_mps": WIND_FROM_SW,
        "current_east_mps": 0.0,
        "current_north_mps": 0.3,
    },
}

STATUS_LETTER = {"active": "a", "stranded": "s", "missing_data": "m"}


class RecordingLeeway(Leeway):
    """Leeway that keeps float64 positions and status names of every particle at output times.

    OpenDrift's own output stores lon/lat as float32 (0.4 m steps in latitude), too coarse for
    a 1 m comparison, so the element arrays are sampled where OpenDrift writes its output:
    state_to_buffer is called once per step after the coastline check and before deactivated
    particles are removed, and at the end of the run.
    """

    def setup_recording(self, n):
        self.rec_lon = np.full(n, np.nan)
        self.rec_lat = np.full(n, np.nan)
        self.rec_status = np.full(n, "-", dtype="<U1")
        self.snapshots = []  # (time, lon copy, lat copy, status copy)

    def state_to_buffer(self, final=False):
        ids = np.asarray(self.elements.ID)
        if ids.size:
            self.rec_lon[ids] = np.asarray(self.elements.lon, dtype=np.float64)
            self.rec_lat[ids] = np.asarray(self.elements.lat, dtype=np.float64)
            names = [STATUS_LETTER[self.status_categories[int(s)]] for s in np.atleast_1d(self.elements.status)]
            self.rec_status[ids] = names
        elapsed = (self.time - self.start_time).total_seconds()
        if elapsed % self.time_step_output.total_seconds() == 0 and (
            not self.snapshots or self.snapshots[-1][0] != self.time
        ):
            self.snapshots.append((self.time, self.rec_lon.copy(), self.rec_lat.copy(), self.rec_status.copy()))
        return super().state_to_buffer(final=final)


def build(case, n, jibe_probability):
    spec = CASES[case]
    o = RecordingLeeway(loglevel=logging.ERROR)  # seed=0: OpenDrift's default random seed
    if case == "real":
        o.add_reader(
            [
                reader_netCDF_CF_generic.Reader(os.path.join(REPO, spec["current"])),
                reader_netCDF_CF_generic.Reader(os.path.join(REPO, spec["wind"])),
            ]
        )
    else:
        o.set_config("environment:constant:x_wind", spec["wind_east_mps"])
        o.set_config("environment:constant:y_wind", spec["wind_north_mps"])
        o.set_config("environment:constant:x_sea_water_velocity", spec["current_east_mps"])
        o.set_config("environment:constant:y_sea_water_velocity", spec["current_north_mps"])
    number = next(k for k, p in o.leewayprop.items() if p["OBJKEY"] == OBJECT)
    o.set_config("seed:object_type", o.leewayprop[number]["Description"])
    o.set_config("seed:jibe_probability", jibe_probability)
    o.seed_elements(lon=spec["lon"], lat=spec["lat"], radius=RADIUS_M, number=n, time=START)
    o.setup_recording(n)
    return o


def iso(t):
    return t.replace(tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def write(path, lines):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)
    print(f"wrote {os.path.relpath(path, REPO)} ({os.path.getsize(path) / 1e3:.0f} kB)")


def write_summary(o, path):
    lines = [summary_stats.HEADER]
    for t, lon, lat, status in o.snapshots:
        hour = int(round((t - START).total_seconds() / 3600))
        lines.append(summary_stats.summary_row(hour, iso(t), lon, lat, status))
    write(path, lines)


def run(o):
    o.run(duration=timedelta(hours=DURATION_H), time_step=STEP_S, time_step_output=3600)
    # OpenDrift stops early once every particle is deactivated; they stay frozen from then on.
    while o.num_elements_active() == 0 and 0 < len(o.snapshots) < DURATION_H + 1:
        t, lon, lat, status = o.snapshots[-1]
        o.snapshots.append((t + timedelta(hours=1), lon, lat, status))
    if len(o.snapshots) != DURATION_H + 1:
        sys.exit(f"expected {DURATION_H + 1} hourly snapshots, got {len(o.snapshots)}")


def per_particle(case):
    n = 500
    o = build(case, n, jibe_probability=0.0)
    s = o.elements_scheduled
    seed_lines = [
        "id,lon,lat,orientation,downwind_slope,downwind_offset_cms,downwind_eps_cms,"
        "crosswind_slope,crosswind_offset_cms,crosswind_eps_cms,jibe_probability_per_hour"
    ]
    for i in range(n):
        seed_lines.append(
            "%d,%.9f,%.9f,%d,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g,%.9g"
            % (
                s.ID[i],
                float(s.lon[i]),
                float(s.lat[i]),
                s.orientation[i],
                float(s.downwind_slope[i]),
                float(s.downwind_offset[i]),
                float(s.downwind_eps[i]),
                float(s.crosswind_slope[i]),
                float(s.crosswind_offset[i]),
                float(s.crosswind_eps[i]),
                float(np.atleast_1d(s.jibe_probability)[i if np.size(s.jibe_probability) > 1 else 0]),
            )
        )
    seeded_lon = np.asarray(s.lon, dtype=np.float64).copy()
    seeded_lat = np.asarray(s.lat, dtype=np.float64).copy()
    run(o)
    # The seeded state must be the state the run started from (no move to the ocean at start).
    _, lon0, lat0, _ = o.snapshots[0]
    if not (np.array_equal(lon0, seeded_lon) and np.array_equal(lat0, seeded_lat)):
        sys.exit("hour-0 positions differ from the seeded positions (seeded on land?)")
    write(os.path.join(FIXTURES, f"opendrift_{case}_seed.csv"), seed_lines)
    track_lines = ["hour,id,lon,lat,status"]
    done = np.zeros(n, dtype=bool)
    for t, lon, lat, status in o.snapshots:
        hour = int(round((t - START).total_seconds() / 3600))
        for i in np.nonzero(~done)[0]:
            track_lines.append("%d,%d,%.8f,%.8f,%s" % (hour, i, lon[i], lat[i], status[i]))
        done |= status != "a"
    write(os.path.join(FIXTURES, f"opendrift_{case}_tracks.csv"), track_lines)
    write_summary(o, os.path.join(FIXTURES, f"opendrift_{case}_summary_500.csv"))
    spec = dict(CASES[case])
    scenario = {
        "case": case,
        "object": OBJECT,
        "release_lon": spec.pop("lon"),
        "release_lat": spec.pop("lat"),
        "radius_m": RADIUS_M,
        "radius_type": "gaussian 1-sigma per horizontal component",
        "start": iso(START),
        "duration_h": DURATION_H,
        "step_s": STEP_S,
        "output_step_s": 3600,
        "particles_per_particle_case": n,
        "particles_statistical_case": 100000,
        "jibe_probability_per_hour_per_particle_case": 0.0,
        "jibe_probability_per_hour_statistical_case": 0.04,
        "land_mask": "GSHHG full resolution level 1 (roaring-landmask 0.11.0)",
        "opendrift_version": opendrift_version(),
        "random_seed": 0,
    }
    scenario.update(spec)
    write(os.path.join(FIXTURES, f"opendrift_{case}_scenario.json"), [json.dumps(scenario, indent=2)])


def statistical(case, n):
    o = build(case, n, jibe_probability=0.04)
    run(o)
    write_summary(o, os.path.join(FIXTURES, f"opendrift_{case}_summary_100k.csv"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["per-particle", "statistical"])
    parser.add_argument("--case", choices=sorted(CASES), required=True)
    parser.add_argument("--particles", type=int, default=100000, help="statistical only")
    args = parser.parse_args()
    os.makedirs(FIXTURES, exist_ok=True)
    if args.kind == "per-particle":
        per_particle(args.case)
    else:
        statistical(args.case, args.particles)


if __name__ == "__main__":
    main()
