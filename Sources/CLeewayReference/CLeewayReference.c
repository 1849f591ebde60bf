/* See include/CLeewayReference.h. Written to mirror the Swift kernels operation by operation
 * (compiled with -ffp-contract=off: Swift fuses multiply-adds only where asked, with
 * `addingProduct`, and this file does so with explicit fma/fmaf at the same places), so
 * results agree to the last bit. */
#include "CLeewayReference.h"

#include <math.h>

static const double A = 6378137.0;
static const double F = 1 / 298.257223563;
#define E2 (F * (2 - F))
#define DEG_PER_RAD (180 / 3.14159265358979323846)
#define RAD_PER_DEG (3.14159265358979323846 / 180)

static inline __attribute__((always_inline)) double clamp0(double x, double upper) {
  double a = x >= 0 ? x : 0;
  return a <= upper ? a : upper;
}

/* Floor of a value already clamped to [0, 2^31), without a trapping conversion. */
static inline __attribute__((always_inline)) long floor_index(double x) {
  double y = floor(x) + 6755399441055744.0;
  union { double d; uint64_t u; } b = {y};
  return (long)(b.u & 0xFFFFFFFFu);
}

/* Locates one position in one field's lookup table and grid (the first pass of
 * GriddedVectorField.tableKernel and LonLatLookupTable.evaluate): the grid node of the cell's
 * lower-left corner, bilinear weights, rotation, and whether the position is inside. */
typedef struct {
  long node;
  float wx, wy, ca, sa;
  int inside;
} CLRLocation;

static inline __attribute__((always_inline)) float quadratic(const float *q, float s, float t) {
  float a = fmaf(t, q[4], fmaf(s, q[3], q[1]));
  float b = fmaf(t, q[5], q[2]);
  return fmaf(t, b, fmaf(s, a, q[0]));
}

/* One grid axis: cell = base + floor(local) clamped to [0, last cell], weight follows. */
static inline __attribute__((always_inline)) long axis(float base, float local, float maxIndex,
                                                       float lastCell, float *weight, int *inside) {
  float fl = floorf(local);
  float fraction = local - fl;
  float index = base + fl;
  *inside = index >= 0 && (index < maxIndex || (index == maxIndex && fraction == 0));
  float cell = index >= 0 ? index : 0;
  cell = cell <= lastCell ? cell : lastCell;
  *weight = (index - cell) + fraction;
  union { float f; uint32_t u; } b = {cell + 12582912.0f};
  return (long)(b.u & 0x3FFFFFu);
}

/* The lookup-table cell of one position, the position inside it (s, t in [0, 1]) and whether
 * the position is inside the table. */
typedef struct {
  long cell;
  float s, t;
  int inside;
} CLRTableCell;

static inline __attribute__((always_inline)) CLRTableCell table_cell(const CLRField *f, double lon,
                                                                     double lat) {
  double wrapped = lon - 360 * floor((lon - f->windowWest) * (1.0 / 360));
  double u = (wrapped - f->west) * f->inverseStep;
  double v = (lat - f->south) * f->inverseStep;
  double width = (double)f->cellsX, height = (double)f->cellsY;
  CLRTableCell r;
  r.inside = u >= 0 && u <= width && v >= 0 && v <= height;
  double uc = clamp0(u, width), vc = clamp0(v, height);
  double ic = floor(uc), jc = floor(vc);
  ic = ic > width - 1 ? width - 1 : ic;
  jc = jc > height - 1 ? height - 1 : jc;
  r.cell = floor_index(jc * width + ic);
  r.s = (float)(uc - ic);
  r.t = (float)(vc - jc);
  return r;
}

/* The grid location from the table cell's 18 floats `q`. */
static inline __attribute__((always_inline)) CLRLocation locate_in(const CLRField *f,
                                                                   const float *q, float s,
                                                                   float t, int inside) {
  float li = quadratic(q + 2, s, t);
  float lj = quadratic(q + 8, s, t);
  float delta = fmaf(t, q[17], q[16] * s);
  float c = 1 - 0.5f * delta * delta;
  CLRLocation r;
  r.ca = fmaf(-q[15], delta, q[14] * c);
  r.sa = fmaf(q[14], delta, q[15] * c);
  int insideI, insideJ;
  long i0 = axis(q[0], li, (float)(f->nx - 1), (float)(f->nx - 2), &r.wx, &insideI);
  long j0 = axis(q[1], lj, (float)(f->ny - 1), (float)(f->ny - 2), &r.wy, &insideJ);
  r.node = j0 * f->nx + i0;
  r.inside = inside && insideI && insideJ;
  return r;
}

static inline __attribute__((always_inline)) CLRLocation locate(const CLRField *f,
                                                                const float *restrict cells,
                                                                double lon, double lat) {
  CLRTableCell tc = table_cell(f, lon, lat);
  return locate_in(f, cells + tc.cell * 18, tc.s, tc.t, tc.inside);
}

/* Samples one field at a located position, the grid cell's lower-left node's group at `p`:
 * east and north (m/s) and whether they are valid (the second pass of
 * GriddedVectorField.tableKernel). */
static inline __attribute__((always_inline)) int sample_at(const CLRField *f, const float *p,
                                                           CLRLocation l, double *east,
                                                           double *north) {
  const float *p01 = p + 4 * f->nx;
  float r[4];
  for (int c = 0; c < 4; c++) {
    float bottom = fmaf(l.wx, p[4 + c] - p[c], p[c]);
    float top = fmaf(l.wx, p01[4 + c] - p01[c], p01[c]);
    r[c] = fmaf(l.wy, top - bottom, bottom);
  }
  /* Linear in time in float32. */
  float ux = f->exact ? r[0] : fmaf(r[2], f->wAfter, r[0] * f->wBefore);
  float vy = f->exact ? r[1] : fmaf(r[3], f->wAfter, r[1] * f->wBefore);
  int good = l.inside && ux == ux && vy == vy;
  float e = fmaf(vy, l.sa, ux * l.ca);
  float n = fmaf(-ux, l.sa, vy * l.ca);
  *east = good ? (double)e : 0;
  *north = good ? (double)n : 0;
  return good;
}

static inline __attribute__((always_inline)) int sample(const CLRField *f,
                                                        const float *restrict values,
                                                        CLRLocation l, double *east,
                                                        double *north) {
  return sample_at(f, values + f->offset + l.node * 4, l, east, north);
}

/* Samples one field at eight consecutive particles with two run fast paths: when the eight share
 * a table cell its floats are read from one place (GriddedVectorField.tableKernel no longer
 * needs this: its pair-load gather is as fast), and when they share a grid cell its nodes are,
 * as in tableKernel (same arithmetic per particle either way). */
static inline __attribute__((always_inline)) void sample8(const CLRField *restrict f,
                                                          const float *restrict cells,
                                                          const float *restrict values,
                                                          const double *restrict lon,
                                                          const double *restrict lat,
                                                          double *restrict east,
                                                          double *restrict north) {
  CLRTableCell tc[8];
  for (int l = 0; l < 8; l++) tc[l] = table_cell(f, lon[l], lat[l]);
  int sameCell = 1;
  for (int l = 1; l < 8; l++) sameCell &= tc[l].cell == tc[0].cell;
  CLRLocation loc[8];
  if (sameCell) {
    const float *q = cells + tc[0].cell * 18;
    for (int l = 0; l < 8; l++) loc[l] = locate_in(f, q, tc[l].s, tc[l].t, tc[l].inside);
  } else {
    for (int l = 0; l < 8; l++)
      loc[l] = locate_in(f, cells + tc[l].cell * 18, tc[l].s, tc[l].t, tc[l].inside);
  }
  int sameNode = 1;
  for (int l = 1; l < 8; l++) sameNode &= loc[l].node == loc[0].node;
  if (sameNode) {
    const float *p = values + f->offset + loc[0].node * 4;
    for (int l = 0; l < 8; l++) sample_at(f, p, loc[l], east + l, north + l);
  } else {
    for (int l = 0; l < 8; l++) sample(f, values, loc[l], east + l, north + l);
  }
}

static inline __attribute__((always_inline)) void small_sin_cos(double x, double *s, double *c) {
  double x2 = x * x;
  *s = fma(x * x2, -1.0 / 6, x);
  *c = fma(x2, -0.5, 1);
}

/* Float32 counterparts (LocalGeodesic's FloatLanes functions). */
static inline __attribute__((always_inline)) void small_sin_cos_f(float x, float *s, float *c) {
  float x2 = x * x;
  *s = fmaf(x * x2, -1.0f / 6, x);
  *c = fmaf(x2, -0.5f, 1);
}

static inline __attribute__((always_inline)) float sqrt_near_one_f(float x) {
  float r = -1.0f / 16;
  r = fmaf(r, x, -1.0f / 8);
  r = fmaf(r, x, -0.5f);
  return fmaf(r, x, 1);
}

static inline __attribute__((always_inline)) float inverse_sqrt_f(float x) {
  union { float f; uint32_t u; } b = {x};
  b.u = 0x5f375a86u - (b.u >> 1);
  float y = b.f;
  float half = 0.5f * x;
  for (int k = 0; k < 3; k++) y = y * fmaf(-(half * y), y, 1.5f);
  return y;
}

/* Geodesic move by (east, north) metres with the midpoint rule (LocalGeodesic.move): the
 * displacement in float32 (LocalGeodesic.displacement), position and sin/cos of the latitude in
 * double. */
static inline __attribute__((always_inline)) void move(double *lon, double *lat, double *s0p,
                                                       double *c0p, float east, float north) {
  const double inverseA = 1 / A;
  const double inverseAOneMinusE2 = 1 / (A * (1 - E2));
  const float e2f = (float)E2;
  const float halfInverseAF = (float)(0.5 * inverseA);
  const float inverseAF = (float)inverseA;
  const float halfInverseAOneMinusE2F = (float)(0.5 * inverseAOneMinusE2);
  const float inverseAOneMinusE2F = (float)inverseAOneMinusE2;
  double s0 = *s0p, c0 = *c0p;
  float s0f = (float)s0, c0f = (float)c0;
  float e2s0 = e2f * s0f * s0f;
  float w0sq = 1 - e2s0;
  float w0 = sqrt_near_one_f(e2s0);
  float dPhiHalf = halfInverseAOneMinusE2F * north * (w0sq * w0);
  float sinD, cosD;
  small_sin_cos_f(dPhiHalf, &sinD, &cosD);
  float sm = fmaf(c0f, sinD, s0f * cosD);
  float cm = fmaf(-s0f, sinD, c0f * cosD);
  float inverseCosines = 1 / (c0f * cm);
  float beta = halfInverseAF * east * s0f * w0 * (cm * inverseCosines);
  float sinB, cosB;
  small_sin_cos_f(beta, &sinB, &cosB);
  float northMid = fmaf(-east, sinB, north * cosB);
  float eastMid = fmaf(north, sinB, east * cosB);
  float e2sm = e2f * sm * sm;
  float wmsq = 1 - e2sm;
  float wm = sqrt_near_one_f(e2sm);
  double dPhi = (double)(northMid * (wmsq * wm) * inverseAOneMinusE2F);
  double dLambda = (double)(eastMid * wm * inverseAF * (c0f * inverseCosines));
  double x = fma(dLambda, DEG_PER_RAD, *lon);
  x = x > 180 ? x - 360 : x;
  x = x < -180 ? x + 360 : x;
  double sinP, cosP;
  small_sin_cos(dPhi, &sinP, &cosP);
  *lon = x;
  *lat = fma(dPhi, DEG_PER_RAD, *lat);
  *s0p = fma(c0, sinP, s0 * cosP);
  *c0p = fma(-s0, sinP, c0 * cosP);
}

/* Leeway and current displacement of one particle from its sampled wind and current
 * (LeewayKernel.moveLanes, LocalGeodesic.move): the velocity in float32. */
static inline __attribute__((always_inline)) void advance(
    long i, double we_, double wn_, double ce, double cn, double *restrict longitude,
    double *restrict latitude, double *restrict previousLongitude,
    double *restrict previousLatitude, double *restrict sinLatitude,
    double *restrict cosLatitude, const uint8_t *restrict status,
    const double *restrict downwindSlope, const double *restrict downwindOffset,
    const double *restrict downwindEpsilon, const double *restrict crosswindSlope,
    const double *restrict crosswindOffset, const double *restrict crosswindEpsilon,
    double dt) {
  double lon0 = longitude[i], lat0 = latitude[i];
  float we = (float)we_, wn = (float)wn_, dtf = (float)dt;
  /* Leeway velocity (LeewayKernel.moveLanes). */
  float speedSquared = we * we + wn * wn;
  float inverse = inverse_sqrt_f(speedSquared);
  float u = speedSquared * inverse;
  int calm = speedSquared <= 0;
  inverse = calm ? 0 : inverse;
  float sinDir = we * inverse;
  float cosDir = calm ? 1 : wn * inverse;
  float dwe = (float)downwindEpsilon[i], cwe = (float)crosswindEpsilon[i];
  float downwind = fmaf(
      dwe, 0.5f, fmaf(fmaf(dwe, 0.05f, (float)downwindSlope[i]), u, (float)downwindOffset[i]));
  float crosswind = fmaf(
      cwe, 0.5f, fmaf(fmaf(cwe, 0.05f, (float)crosswindSlope[i]), u, (float)crosswindOffset[i]));
  float leewayEast = fmaf(-crosswind, cosDir, downwind * sinDir);
  float leewayNorth = fmaf(crosswind, sinDir, downwind * cosDir);
  double s00 = sinLatitude[i], c00 = cosLatitude[i];
  double s0 = s00, c0 = c00;
  double lon = lon0, lat = lat0;
  move(&lon, &lat, &s0, &c0, leewayEast * dtf, leewayNorth * dtf);
  move(&lon, &lat, &s0, &c0, (float)ce * dtf, (float)cn * dtf);
  int active = status[i] == 0;
  previousLongitude[i] = lon0;
  previousLatitude[i] = lat0;
  longitude[i] = active ? lon : lon0;
  latitude[i] = active ? lat : lat0;
  sinLatitude[i] = active ? s0 : s00;
  cosLatitude[i] = active ? c0 : c00;
}

/* The loop, with every array a restrict parameter so the compiler knows stores to the
 * particle columns never change the forcing (and may vectorise): eight particles at a time
 * (sampled with the run fast paths, then moved), the last few one by one. */
static __attribute__((noinline)) void step_loop(long n, const CLRField *restrict wind, const float *restrict windCells,
                      const float *restrict windValues, const CLRField *restrict current,
                      const float *restrict currentCells,
                      const float *restrict currentValues, double *restrict longitude,
                      double *restrict latitude, double *restrict previousLongitude,
                      double *restrict previousLatitude, double *restrict sinLatitude,
                      double *restrict cosLatitude, const uint8_t *restrict status,
                      const double *restrict downwindSlope, const double *restrict downwindOffset,
                      const double *restrict downwindEpsilon,
                      const double *restrict crosswindSlope,
                      const double *restrict crosswindOffset,
                      const double *restrict crosswindEpsilon, double dt) {
  long i = 0;
  for (; i + 8 <= n; i += 8) {
    double we[8], wn[8], ce[8], cn[8];
    sample8(wind, windCells, windValues, longitude + i, latitude + i, we, wn);
    sample8(current, currentCells, currentValues, longitude + i, latitude + i, ce, cn);
    for (int l = 0; l < 8; l++)
      advance(i + l, we[l], wn[l], ce[l], cn[l], longitude, latitude, previousLongitude,
              previousLatitude, sinLatitude, cosLatitude, status, downwindSlope,
              downwindOffset, downwindEpsilon, crosswindSlope, crosswindOffset,
              crosswindEpsilon, dt);
  }
  for (; i < n; i++) {
    double lon0 = longitude[i], lat0 = latitude[i];
    double we, wn, ce, cn;
    sample(wind, windValues, locate(wind, windCells, lon0, lat0), &we, &wn);
    sample(current, currentValues, locate(current, currentCells, lon0, lat0), &ce, &cn);
    advance(i, we, wn, ce, cn, longitude, latitude, previousLongitude, previousLatitude,
            sinLatitude, cosLatitude, status, downwindSlope, downwindOffset, downwindEpsilon,
            crosswindSlope, crosswindOffset, crosswindEpsilon, dt);
  }
}

void clr_step(const CLRField *wind, const CLRField *current, const CLRParticles *p, double dt) {
  const CLRField w = *wind, c = *current;
  step_loop(p->count, &w, w.cells, w.values, &c, c.cells, c.values, p->longitude,
            p->latitude, p->previousLongitude, p->previousLatitude, p->sinLatitude,
            p->cosLatitude, p->status, p->downwindSlope,
            p->downwindOffset, p->downwindEpsilon, p->crosswindSlope, p->crosswindOffset,
            p->crosswindEpsilon, dt);
}
