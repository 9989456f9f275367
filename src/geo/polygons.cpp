#include "geo/polygons.hpp"

#include <stdexcept>

#include "geo/gdal.hpp"

namespace sitmap {

// The polygons as OGR holds them, unioned and prepared once with GEOS.
struct Polygons::Impl {
  OGRMultiPolygon polygons;
  OGREnvelope bounds;
  GeosContextPtr ctx{GEOS_init_r()};
  GEOSGeometry* geom = nullptr;
  const GEOSPreparedGeometry* prepared = nullptr;

  explicit Impl(OGRMultiPolygon mp) : polygons(std::move(mp)) {
    polygons.getEnvelope(&bounds);
    GEOSGeometry* raw = polygons.exportToGEOS(ctx.get());
    if (!raw) throw std::invalid_argument("polygon filter: GEOS cannot read the polygons");
    geom = GEOSUnaryUnion_r(ctx.get(), raw);  // also repairs overlaps between features
    GEOSGeom_destroy_r(ctx.get(), raw);
    if (!geom) throw std::invalid_argument("polygon filter: invalid polygons");
    prepared = GEOSPrepare_r(ctx.get(), geom);
  }
  ~Impl() {
    if (prepared) GEOSPreparedGeom_destroy_r(ctx.get(), prepared);
    if (geom) GEOSGeom_destroy_r(ctx.get(), geom);
  }
};

namespace {

// The polygons of a vector file (of one layer's features with that id, when given), in WGS 84.
OGRMultiPolygon read_polygons(const std::string& path, const std::string& only_layer, const std::string& only_id) {
  ensure_gdal_registered();
  require_local_file(path, "polygon file");
  CPLErrorReset();
  DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, local_vector_drivers(), nullptr, nullptr));
  if (!ds)
    throw std::invalid_argument(path + ": cannot read as a polygon file: " +
                                gdal_error_or("no such file, or not GeoJSON, GeoPackage, a shapefile, FlatGeobuf, KML or GPX"));
  OGRSpatialReference wgs84 = wgs84_lon_lat();
  OGRMultiPolygon out;
  for (OGRLayer* layer : ds->GetLayers()) {
    if (!only_layer.empty() && std::string_view(layer->GetName()) != only_layer) continue;
    for (auto& f : *layer) {
      if (!only_id.empty() && only_id != f->GetFieldAsString("id")) continue;
      OGRGeometry* g = f->GetGeometryRef();
      if (!g) continue;
      if (layer->GetSpatialRef() && !layer->GetSpatialRef()->IsSame(&wgs84)) g->transformTo(&wgs84);
      const auto type = wkbFlatten(g->getGeometryType());
      if (type == wkbPolygon)
        out.addGeometry(g);
      else if (type == wkbMultiPolygon)
        for (const OGRPolygon* p : *g->toMultiPolygon()) out.addGeometry(p);
    }
  }
  if (out.IsEmpty()) throw std::invalid_argument(path + (only_id.empty() ? "" : " (feature " + only_id + ")") + ": no polygons");
  return out;
}

}  // namespace

Polygons::Polygons(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Polygons::Polygons(Polygons&&) noexcept = default;
Polygons& Polygons::operator=(Polygons&&) noexcept = default;
Polygons::~Polygons() = default;

Polygons Polygons::read(const std::string& path) { return Polygons(std::make_unique<Impl>(read_polygons(path, "", ""))); }

Polygons Polygons::read_feature(const std::string& path, const std::string& layer, const std::string& id) {
  return Polygons(std::make_unique<Impl>(read_polygons(path, layer, id)));
}

Polygons Polygons::intersection(const Polygons& a, const Polygons& b) {
  std::unique_ptr<OGRGeometry> both(a.impl_->polygons.Intersection(&b.impl_->polygons));
  OGRMultiPolygon mp;
  if (both && wkbFlatten(both->getGeometryType()) == wkbPolygon)
    mp.addGeometry(both.get());
  else if (both && wkbFlatten(both->getGeometryType()) == wkbMultiPolygon)
    for (const OGRPolygon* p : *both->toMultiPolygon()) mp.addGeometry(p);
  if (mp.IsEmpty()) mp.addGeometry(new OGRPolygon());  // nothing can match
  return Polygons(std::make_unique<Impl>(std::move(mp)));
}

bool Polygons::covers(double lon, double lat) const {
  const OGREnvelope& e = impl_->bounds;
  if (lon < e.MinX || lon > e.MaxX || lat < e.MinY || lat > e.MaxY) return false;
  GEOSContextHandle_t ctx = impl_->ctx.get();
  GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(ctx, lon, lat);
  const bool in = GEOSPreparedIntersects_r(ctx, impl_->prepared, pt) == 1;
  GEOSGeom_destroy_r(ctx, pt);
  return in;
}

Envelope Polygons::envelope() const {
  const OGREnvelope& e = impl_->bounds;
  return {e.MinX, e.MinY, e.MaxX, e.MaxY};
}

}  // namespace sitmap
