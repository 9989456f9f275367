#pragma once
// Areas read from vector files, tested point by point: the --within and
// --country filters. GDAL reads them, GEOS answers (prepared geometry);
// neither shows here.
#include <memory>
#include <string>

namespace sitmap {

struct Envelope {
  double west = 0, south = 0, east = 0, north = 0;
};

class Polygons {
 public:
  // Every polygon of a local vector file (any format GDAL reads of
  // local_vector_drivers), in WGS 84. Throws std::invalid_argument naming
  // the file when it cannot be read or holds no polygon.
  static Polygons read(const std::string& path);
  // The polygons of the features of `layer` whose "id" field is `id`
  // (world-atlas's countries by ISO numeric code).
  static Polygons read_feature(const std::string& path, const std::string& layer, const std::string& id);
  // What lies in both (nothing matches when they do not meet).
  static Polygons intersection(const Polygons& a, const Polygons& b);

  Polygons(Polygons&&) noexcept;
  Polygons& operator=(Polygons&&) noexcept;
  ~Polygons();

  // Inside or on the boundary.
  bool covers(double lon, double lat) const;
  Envelope envelope() const;

 private:
  struct Impl;
  explicit Polygons(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitmap
