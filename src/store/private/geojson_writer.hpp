#pragma once
// Our streaming GeoJSON (RFC 7946) and GeoJSONSeq writer: WGS 84, lon/lat,
// at most 6 decimals, no "crs" member; every event column as a property,
// plus start_time / end_time timestamps. Rows come from read_event_rows
// (event_rows.hpp): the selection is the reader's, the format the writer's;
// the buffers go to the file on a thread of their own.
#include <cstddef>
#include <functional>
#include <string>

#include "store/filter.hpp"
#include "store/private/event_rows.hpp"

namespace sitmap {

size_t write_geojson(Store& store, const EventFilter& filter, const std::string& path, bool sequence,
                     const std::function<void(size_t)>& on_progress, RowReader reader = RowReader::fastest);

// CSV (RFC 4180) in csv_columns() order: ISO dates, JSON columns as JSON
// text; with `reproject`, x and y in its CRS are appended.
class Reprojector;
size_t write_csv(Store& store, const EventFilter& filter, const std::string& path, const Reprojector* reproject,
                 const std::function<void(size_t)>& on_progress, RowReader reader = RowReader::fastest);

}  // namespace sitmap
