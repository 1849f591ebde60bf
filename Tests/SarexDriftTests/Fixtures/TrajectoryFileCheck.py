"""Checks that a Sarex trajectory NetCDF opens in xarray, trajan and OpenDrift.

Usage: python3 TrajectoryFileCheck.py FILE.nc   (exit status 0 when all three read it)
Needs: pip install xarray trajan opendrift
"""
import sys

import numpy as np
import xarray as xr

path = sys.argv[1]
ds = xr.open_dataset(path)
assert ds.attrs["featureType"] == "trajectory", "featureType"
assert set(ds.sizes) == {"trajectory", "time"}, f"dimensions {dict(ds.sizes)}"
assert ds["trajectory"].attrs["cf_role"] == "trajectory_id", "cf_role"
assert np.issubdtype(ds.time.dtype, np.datetime64), "time not decoded as datetimes"
print("xarray:", dict(ds.sizes), list(ds.data_vars), str(ds.time.values[0]), "...")

import trajan  # noqa: F401  (registers the .traj accessor)

assert ds.traj.obs_dim == "time" and ds.traj.trajectory_dim == "trajectory", "trajan dims"
speed = ds.traj.speed()
print("trajan:", type(ds.traj).__name__, "speed", speed.shape)

import opendrift

o = opendrift.open(path)
categories = o.status_categories
assert categories == ["active", "stranded", "missing_data", "not_seeded"], categories
first, last = o.index_of_first_and_last()
print("opendrift:", type(o).__name__, "steps", o.steps_output, "time step", o.time_step_output,
      "remaining active elements", len(o.elements.lon))
print("OK")
