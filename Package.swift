// swift-tools-version:6.1
// Sarex: maritime search and rescue drift prediction, search planning and exercises.
import PackageDescription

/// Flags for the hot numeric kernels only: AVX2 lets LLVM vectorise the particle loops
/// (see ../shared/PLATFORM.md). Every machine of this project supports it. Debug builds
/// optimise these modules too, so that the agreement tests can run the full 100,000-particle
/// drifts of issue 2 in seconds (unoptimised, the SIMD kernels cost about 4 us per
/// particle-step instead of 0.05).
let kernelSettings: [SwiftSetting] = [
  .unsafeFlags(["-target-cpu", "haswell"]),
  .unsafeFlags(["-O"], .when(configuration: .debug)),
]

let package = Package(
  name: "Sarex",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "sarex", targets: ["sarex"]),
    .library(name: "SarexGeo", targets: ["SarexGeo"]),
    .library(name: "SarexEnvironment", targets: ["SarexEnvironment"]),
    .library(name: "SarexDrift", targets: ["SarexDrift"]),
    .library(name: "SarexFormats", targets: ["SarexFormats"]),
    .library(name: "SarexSearch", targets: ["SarexSearch"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CNetCDF", path: "Sources/CNetCDF", pkgConfig: "netcdf",
      providers: [.apt(["libnetcdf-dev"])]),
    .systemLibrary(
      name: "CProj", path: "Sources/CProj", pkgConfig: "proj",
      providers: [.apt(["libproj-dev"])]),
    .target(name: "SarexGeo"),
    .target(
      name: "SarexEnvironment",
      dependencies: ["SarexGeo", "CNetCDF", "CProj"],
      swiftSettings: kernelSettings),
    .target(
      name: "SarexDrift",
      dependencies: ["SarexGeo", "SarexEnvironment", "CNetCDF", "CProj"],
      resources: [.copy("Resources/leeway-classes.csv")],
      swiftSettings: kernelSettings),
    .target(name: "SarexFormats", dependencies: ["SarexGeo"]),
    // Plain C version of the drift step, built only for `sarex bench` (see BENCHMARKS.md).
    .target(
      name: "CLeewayReference",
      cSettings: [.unsafeFlags(["-O3", "-march=haswell", "-ffp-contract=off"])]),
    .target(
      name: "SarexSearch",
      dependencies: ["SarexGeo", "SarexDrift", .product(name: "Yams", package: "Yams")],
      resources: [.copy("Resources")],
      swiftSettings: kernelSettings),
    .executableTarget(
      name: "sarex",
      dependencies: [
        "SarexGeo", "SarexEnvironment", "SarexDrift", "SarexFormats", "SarexSearch",
        "CLeewayReference",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
      ]),
    .testTarget(name: "SarexGeoTests", dependencies: ["SarexGeo", "CProj"]),
    .testTarget(
      name: "SarexEnvironmentTests", dependencies: ["SarexEnvironment"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "SarexDriftTests", dependencies: ["SarexDrift", "SarexEnvironment"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "SarexFormatsTests", dependencies: ["SarexFormats"]),
    .testTarget(name: "SarexSearchTests", dependencies: ["SarexSearch", "SarexDrift"]),
    .testTarget(name: "SarexCLITests", dependencies: ["sarex"]),
  ]
)
