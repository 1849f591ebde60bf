"""Summary statistics of a particle cloud, as defined in docs/opendrift-leeway.md section 7.

Centroid = arithmetic mean lon/lat of the active particles; 1-sigma ellipse from the
population covariance on the WGS 84 local tangent plane at the centroid.
"""
import math

import numpy as np

WGS84_A = 6378137.0
WGS84_F = 1.0 / 298.257223563
WGS84_E2 = WGS84_F * (2.0 - WGS84_F)

HEADER = (
    "hour,time,n_active,n_stranded,n_missing,mean_lon_active,mean_lat_active,"
    "semi_major_1sigma_m,semi_minor_1sigma_m,major_axis_azimuth_deg"
)


def ellipse(lon, lat):
    """Return (mean_lon, mean_lat, semi_major_m, semi_minor_m, azimuth_deg) or None if empty."""
    lon = np.asarray(lon, dtype=np.float64)
    lat = np.asarray(lat, dtype=np.float64)
    n = lon.size
    if n == 0:
        return None
    lon0 = float(lon.mean())
    lat0 = float(lat.mean())
    phi0 = math.radians(lat0)
    w = 1.0 - WGS84_E2 * math.sin(phi0) ** 2
    n_radius = WGS84_A / math.sqrt(w)
    m_radius = WGS84_A * (1.0 - WGS84_E2) / w**1.5
    x = (lon - lon0) * (math.pi / 180.0) * n_radius * math.cos(phi0)
    y = (lat - lat0) * (math.pi / 180.0) * m_radius
    sxx = float(np.mean(x * x))
    syy = float(np.mean(y * y))
    sxy = float(np.mean(x * y))
    half_trace = 0.5 * (sxx + syy)
    root = math.sqrt((0.5 * (sxx - syy)) ** 2 + sxy**2)
    l1 = half_trace + root
    l2 = max(half_trace - root, 0.0)
    azimuth = math.degrees(0.5 * math.atan2(2.0 * sxy, syy - sxx))
    if azimuth < 0.0:
        azimuth += 180.0
    if azimuth >= 180.0:
        azimuth -= 180.0
    return lon0, lat0, math.sqrt(l1), math.sqrt(l2), azimuth


def summary_row(hour, time_iso, lon, lat, status):
    """One CSV row; status is an array of 'a' (active), 's' (stranded), 'm' (missing_data)."""
    status = np.asarray(status)
    active = status == "a"
    n_active = int(active.sum())
    n_stranded = int((status == "s").sum())
    n_missing = int((status == "m").sum())
    e = ellipse(np.asarray(lon)[active], np.asarray(lat)[active])
    if e is None:
        tail = ",,,,"
    else:
        tail = "%.8f,%.8f,%.3f,%.3f,%.4f" % e
    return f"{hour},{time_iso},{n_active},{n_stranded},{n_missing},{tail}"
