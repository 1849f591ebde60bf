import Foundation
import SarexGeo

extension OptimalPlanner.Search {
  typealias Box = OptimalPlanner.Box

  /// Candidate boxes for unit k given the probability it would still find (`residual`):
  /// fitted to the optimal allocation, sized from its effort on the densest cells or against
  /// the other units' areas, and local moves of its `current` box.
  func candidates(_ k: Int, _ residual: [Double], around current: Box?) -> [Box] {
    var boxes = allocationCandidates(k)
    boxes += effortCandidates(k, residual)
    if let current { boxes += localMoves(current) }
    return boxes.filter { $0.hu > 1 && $0.hv > 1 && $0.hu.isFinite && $0.hv.isFinite }
  }

  /// Boxes fitted to where the optimal allocation of effort (`EffortMap`) sends unit k: for each
  /// of its three largest connected groups of cells, the box with the same centre and second
  /// moments as the unit's hours there (half-side sqrt(3) sigma, as a uniform rectangle), at
  /// three sizes and two aspect changes, with the cells moved to the middle of its sortie.
  func allocationCandidates(_ k: Int) -> [Box] {
    guard let e = effort else { return [] }
    let along = PlanePoint.unit(bearing: bearing)
    let across = PlanePoint.unit(bearing: bearing + .pi / 2)
    let tau = taus[k]
    var boxes: [Box] = []
    for group in e.clusters(k).prefix(3) {
      var w = 0.0
      var su = 0.0
      var sv = 0.0
      var suu = 0.0
      var svv = 0.0
      for i in group {
        let h = e.hours[k][i]
        let px = e.x[i] + e.vx[i] * tau - c.meanX
        let py = e.y[i] + e.vy[i] * tau - c.meanY
        let u = px * along.east + py * along.north
        let v = px * across.east + py * across.north
        w += h
        su += h * u
        sv += h * v
        suu += h * u * u
        svv += h * v * v
      }
      guard w > 0 else { continue }
      let cu = su / w
      let cv = sv / w
      // A cell's own extent adds side^2 / 12 to each variance.
      let cellVariance = e.cellSize * e.cellSize / 12
      let hu = max((3 * (max(0, suu / w - cu * cu) + cellVariance)).squareRoot(), e.cellSize / 2)
      let hv = max((3 * (max(0, svv / w - cv * cv) + cellVariance)).squareRoot(), e.cellSize / 2)
      for f in [0.75, 1.0, 1.3] {
        boxes.append(Box(cu: cu, cv: cv, hu: hu * f, hv: hv * f))
      }
      boxes.append(Box(cu: cu, cv: cv, hu: hu * 1.25, hv: hv / 1.25))
      boxes.append(Box(cu: cu, cv: cv, hu: hu / 1.25, hv: hv * 1.25))
    }
    return boxes
  }

  /// Boxes of area V T S (spacing S = W / C at coverages 0.5 to 2.6, or the unit's minimum),
  /// square or shaped like the cloud, on the densest cells of the residual, or against the
  /// areas of units of the same kind (aircraft: touching, so 500 ft apart, or a mile and more
  /// away, so at their own best altitude).
  func effortCandidates(_ k: Int, _ residual: [Double]) -> [Box] {
    let u = c.units[k]
    let sweep = u.speedMetresPerSecond * u.searchSeconds
    let widths = Set(([c.meanWidths[k]] + c.widths[k]).filter { $0 > 0 })
    let minimum = c.minimumTrackSpacing(k)
    var boxes: [Box] = []
    let uu = us[k]
    let vv = vs[k]
    guard let uMin = uu.min(), let uMax = uu.max(), let vMin = vv.min(), let vMax = vv.max()
    else { return [] }
    let areas = Set(
      widths.flatMap { w in [0.5, 0.8, 1.2, 1.8, 2.6].map { sweep * max(w / $0, minimum) } })
    for area in areas {
      for a in Set([1.0, aspect]) {
        let hu = (area * a).squareRoot() / 2
        let hv = (area / a).squareRoot() / 2
        // The densest cells of the residual, cell = the smaller half-side.
        let g = max(min(hu, hv), max(uMax - uMin, vMax - vMin) / 150, 1)
        let nu = Int(((uMax - uMin) / g).rounded(.down)) + 1
        let nv = Int(((vMax - vMin) / g).rounded(.down)) + 1
        var mass = [Double](repeating: 0, count: nu * nv)
        var su = mass
        var sv = mass
        for i in residual.indices where residual[i] > 0 {
          let iu = min(nu - 1, Int(((uu[i] - uMin) / g).rounded(.down)))
          let iv = min(nv - 1, Int(((vv[i] - vMin) / g).rounded(.down)))
          let cell = iv * nu + iu
          mass[cell] += residual[i]
          su[cell] += residual[i] * uu[i]
          sv[cell] += residual[i] * vv[i]
        }
        let top = mass.indices.filter { mass[$0] > 0 }.sorted { mass[$0] > mass[$1] }.prefix(8)
        for cell in top {
          boxes.append(Box(cu: su[cell] / mass[cell], cv: sv[cell] / mass[cell], hu: hu, hv: hv))
        }
        for j in self.boxes.indices where j != k && isAircraft(j) == isAircraft(k) {
          guard let o = self.boxes[j] else { continue }
          let probe = Box(cu: 0, cv: 0, hu: hu, hv: hv)
          var gaps: [Double]
          if isAircraft(k) {
            let apart = PlanningContext.adjacencyDistance(spacing(k, probe), spacing(j, o)) + 60
            gaps = [1, apart]
          } else {
            gaps = [requiredGap(k, probe, j, o) + 1]
          }
          for gap in gaps {
            boxes.append(Box(cu: o.cu + o.hu + hu + gap, cv: o.cv, hu: hu, hv: hv))
            boxes.append(Box(cu: o.cu - o.hu - hu - gap, cv: o.cv, hu: hu, hv: hv))
            boxes.append(Box(cu: o.cu, cv: o.cv + o.hv + hv + gap, hu: hu, hv: hv))
            boxes.append(Box(cu: o.cu, cv: o.cv - o.hv - hv - gap, hu: hu, hv: hv))
          }
        }
      }
    }
    return boxes
  }

  /// Coordinate-descent moves of a box: shifts of a half, a quarter and a tenth of a side,
  /// area scaled by 0.8 to 1.25, aspect changed, and each edge moved out or in by 15 %.
  func localMoves(_ b: Box) -> [Box] {
    var boxes: [Box] = []
    for f in [0.5, 0.25, 0.1] {
      boxes.append(Box(cu: b.cu + f * b.hu, cv: b.cv, hu: b.hu, hv: b.hv))
      boxes.append(Box(cu: b.cu - f * b.hu, cv: b.cv, hu: b.hu, hv: b.hv))
      boxes.append(Box(cu: b.cu, cv: b.cv + f * b.hv, hu: b.hu, hv: b.hv))
      boxes.append(Box(cu: b.cu, cv: b.cv - f * b.hv, hu: b.hu, hv: b.hv))
    }
    for f in [0.8, 0.9, 1.12, 1.25] {
      let s = f.squareRoot()
      boxes.append(Box(cu: b.cu, cv: b.cv, hu: b.hu * s, hv: b.hv * s))
    }
    boxes.append(Box(cu: b.cu, cv: b.cv, hu: b.hu * 1.15, hv: b.hv / 1.15))
    boxes.append(Box(cu: b.cu, cv: b.cv, hu: b.hu / 1.15, hv: b.hv * 1.15))
    for f in [0.15, -0.15] {
      let du = f * b.hu / 2
      let dv = f * b.hv / 2
      boxes.append(Box(cu: b.cu + du, cv: b.cv, hu: b.hu + du, hv: b.hv))
      boxes.append(Box(cu: b.cu - du, cv: b.cv, hu: b.hu + du, hv: b.hv))
      boxes.append(Box(cu: b.cu, cv: b.cv + dv, hu: b.hu, hv: b.hv + dv))
      boxes.append(Box(cu: b.cu, cv: b.cv - dv, hu: b.hu, hv: b.hv + dv))
    }
    return boxes
  }
}
