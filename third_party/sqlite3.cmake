# SQLite: the store steps a GeoPackage's events table directly for export
# and the viewer's first load (src/store/private/gpkg_rows.cpp); GDAL reads
# and writes GeoPackages through the same library.
sitmap_pkg_target(sqlite3 sqlite3 libsqlite3-dev)
