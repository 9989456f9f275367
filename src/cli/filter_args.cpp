// The filter options of export, render and view, read one way.
#include "cli/commands.hpp"

namespace sitmap::cli {

void add_filter_options(CLI::App& command, FilterArgs& a) {
  command.add_option("--from", a.from, "first day, YYYY-MM-DD (inclusive)");
  command.add_option("--to", a.to, "last day, YYYY-MM-DD (inclusive)");
  command.add_option("--type", a.types, "event_type or sub_event_type (repeatable)");
  command.add_option("--actor", a.actors, "part of actor1 or actor2 (repeatable)");
  command.add_option("--country", a.country, "ISO 3166-1 alpha-2: events inside its Natural Earth polygon");
  command.add_option("--bbox,--spat", a.bbox, "W,S,E,N in degrees");
  command.add_option("--within", a.within, "polygon file (GeoJSON, GPKG, shapefile ...)");
  command.add_option("--dataset", a.dataset, "sitmap, acled or gdelt")->check(CLI::IsMember({"sitmap", "acled", "gdelt"}));
  command.add_flag("--no-background", a.no_background, "leave out background (campaign context) events");
  command.add_option("--min-confidence", a.min_confidence, "leave out events below this confidence (0..1)");
}

EventFilter parse_filter_args(const FilterArgs& a) {
  EventFilter filter;
  if (!a.from.empty()) filter.from = parse_filter_date(a.from);
  if (!a.to.empty()) filter.to = parse_filter_date(a.to);
  if (!a.bbox.empty()) filter.bbox = parse_bbox(a.bbox);
  filter.types = a.types;
  filter.actors = a.actors;
  filter.country = a.country;
  filter.within = a.within;
  filter.dataset = a.dataset;
  filter.include_background = !a.no_background;
  filter.min_confidence = a.min_confidence;
  return filter;
}

void add_published_option(CLI::App& command, std::optional<CivilDate>& published) {
  command
      .add_option_function<std::string>(
          "--published",
          [&published](const std::string& text) {
            published = parse_date_exact(text);
            if (!published) throw CLI::ValidationError("--published", "'" + text + "' is not a date YYYY-MM-DD");
          },
          "publication date (YYYY-MM-DD) of reports that give none")
      ->type_name("DATE");
}

}  // namespace sitmap::cli
