# libpq: the export reads a PostGIS store's events table with one binary
# COPY (src/store/private/pg_rows.cpp); GDAL's PG driver uses the same library.
sitmap_pkg_target(libpq libpq libpq-dev)
