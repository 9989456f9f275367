#include "app/viewer.hpp"

#include <fmt/core.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <future>
#include <unordered_map>

#include "render/offscreen.hpp"
#include "core/fold.hpp"
#include "ingest/ingest.hpp"

namespace sitmap {

// The window a store opens on: its last week. A large store's first frame
// needs only the events that window shows (load_event_table_first).
constexpr int kFirstWindowDays = 7;

Viewer::Viewer(Store store, const Gazetteer* gaz, MapProjection projection, int width, int height)
    : store_(std::move(store)), gaz_(gaz), projection_(projection) {
  state_.camera.width = width;
  state_.camera.height = height;
  reload();
  // Start on the last week of the data: what a user opening a store wants to see.
  const float last = static_cast<float>(table_.last_day());
  state_.time.to = last;
  state_.time.from = std::max(0.0f, last - (kFirstWindowDays - 1));
  fit_to_events();
  follower_ = std::make_unique<StoreFollower>(store_.location(), followed_);
}

Viewer::~Viewer() = default;

void Viewer::reload() {
  const std::vector<std::string> old_types = table_.sub_types;
  rest_.reset();  // a read of the last table's rest still under way stops
  rest_pending_ = false;
  // What the store's change marks are before it is read: a change after
  // them is read again by the follower, none is missed.
  marks_ = {};
  try {
    marks_ = store_.change_marks();
  } catch (const std::exception&) {}  // a layer of another tool: nothing to follow but new rows
  // Read the events (worker threads) while the basemap and labels are built here.
  auto loading = std::async(std::launch::async, [this] { return load_event_table_first(store_, kFirstWindowDays); });
  if (!scene_) scene_ = std::make_unique<MapScene>(projection_, gaz_);
  FirstEventTable first = loading.get();
  table_ = std::move(first.table);
  rest_ = std::move(first.rest);
  rest_pending_ = rest_ != nullptr;
  rows_from_ = rest_pending_ ? first.rows_from : std::nullopt;
  scene_->set_events(table_);
  keep_types_shown(old_types);
  state_.selected = state_.hovered = -1;
  state_.timeline_from = -1;
  state_.timeline_to = static_cast<float>(table_.last_day()) + 1;
  apply_filters();
  follow_from_table();
}

void Viewer::keep_types_shown(const std::vector<std::string>& old_types) {
  std::vector<uint8_t> shown(table_.sub_types.size(), 1);
  for (size_t t = 0; t < old_types.size() && t < state_.filter.type_shown.size(); ++t)
    if (!state_.filter.type_shown[t])
      for (size_t k = 0; k < shown.size(); ++k)
        if (table_.sub_types[k] == old_types[t]) shown[k] = 0;
  state_.filter.type_shown = shown;
}

void Viewer::follow_from_table() {
  // A first part of the rows holds no newest event: the store's newest is
  // where to look from (the whole table read later holds it, or a later one).
  int64_t last = last_fid_of(table_);
  if (rest_pending_ && rows_from_) try {
      last = store_.last_event_fid();
    } catch (const std::exception&) {}
  followed_ = {last, marks_};
  if (follower_) follower_->restart_after(followed_);
}

void Viewer::reload_keeping_window() {
  const long old_day0 = table_.day0;
  const bool was_empty = table_.size() == 0;
  reload();
  const float shift = static_cast<float>(old_day0 - table_.day0);
  state_.time.from += shift;
  state_.time.to += shift;
  if (was_empty) place_end(state_.time, static_cast<float>(table_.last_day()));
}

void Viewer::complete_table() {
  if (!rest_pending_) return;
  rest_pending_ = false;
  if (!rows_from_) {  // the names come into the rows the table holds
    try {
      rest_->fill(table_);
    } catch (const std::exception& e) {
      state_.status = e.what();  // the stand-ins stay: empty names
    }
    table_dirty_ = true;  // the table's rows show (and sort by) the names now
    return;
  }
  // The whole table in place of the first window's rows: the same days
  // (its first and last day are theirs), other rows and string tables.
  rows_from_.reset();
  const std::vector<std::string> old_types = table_.sub_types;
  auto fid_of = [&](int row) { return row >= 0 && static_cast<size_t>(row) < table_.size() ? table_.fid[static_cast<size_t>(row)] : -1; };
  const int64_t selected = fid_of(state_.selected), hovered = fid_of(state_.hovered);
  const std::string dataset = state_.filter.dataset > 0 && static_cast<size_t>(state_.filter.dataset) <= table_.datasets.size()
                                  ? table_.datasets[state_.filter.dataset - 1]
                                  : "";
  try {
    rest_->fill(table_);
  } catch (const std::exception& e) {
    state_.status = e.what();  // the first window's events stay
    return;
  }
  scene_->set_events(table_);
  keep_types_shown(old_types);
  auto row_of = [&](int64_t fid) {
    const auto at = fid < 0 ? table_.fid.end() : std::find(table_.fid.begin(), table_.fid.end(), fid);
    return at == table_.fid.end() ? -1 : static_cast<int>(at - table_.fid.begin());
  };
  state_.selected = row_of(selected);
  state_.hovered = row_of(hovered);
  const auto d = std::find(table_.datasets.begin(), table_.datasets.end(), dataset);
  state_.filter.dataset = dataset.empty() || d == table_.datasets.end() ? 0 : static_cast<int>(d - table_.datasets.begin()) + 1;
  apply_filters();
  follow_from_table();
}

void Viewer::need_all_rows() {
  if (rest_pending_ && rows_from_) complete_table();
}

void Viewer::need_window_rows() {
  if (rest_pending_ && rows_from_ && state_.time.first_day() < *rows_from_) complete_table();
}

void Viewer::take_rest_if_read() {
  if (rest_pending_ && rest_->ready()) complete_table();
}

bool Viewer::needs_rest(const EventFilter& f) {
  return !f.actors.empty() || !f.dataset.empty() || f.min_confidence > 0 || !f.include_background;
}

void Viewer::take_new_events() {
  // New rows join a whole table (their names are interned into its tables).
  if (!follower_ || rest_pending_) return;
  std::optional<NewEvents> found = follower_->take();
  if (!found) return;
  if (found->after_fid != followed_.event_fid) {  // read for a table since reloaded
    follower_->restart_after(followed_);
    return;
  }
  followed_ = {found->last_fid, found->changes};
  if (!found->removed.empty()) {
    // Events merged into others were deleted (rare): the store is read
    // again, with what arrived in it.
    state_.arrived += found->events.size();
    reload_keeping_window();
    return;
  }
  if (found->events.size() > 0 && !append_new_events(found->events)) return;  // reloaded: the rewrites are in
  if (found->rewritten.size() > 0) replace_rewritten_events(found->rewritten);
}

void Viewer::replace_rewritten_events(const EventTable& part) {
  // Their days as the table counts them, before and after: a row whose days
  // move changes its place on the GPU (ordered by day), so the layer is made again.
  std::unordered_map<int64_t, size_t> row_of;
  for (size_t i = 0; i < table_.size(); ++i) row_of.emplace(table_.fid[i], i);
  bool days_moved = false;
  const float part_shift = static_cast<float>(part.day0 - table_.day0);
  for (size_t j = 0; j < part.size(); ++j)
    if (const auto at = row_of.find(part.fid[j]); at != row_of.end())
      days_moved |=
          part.day_from[j] + part_shift != table_.day_from[at->second] || part.day_to[j] + part_shift != table_.day_to[at->second];
  const long old_day0 = table_.day0;
  const std::vector<size_t> rows = replace_event_rows(table_, part);
  if (rows.empty()) return;
  if (table_.day0 != old_day0) {  // now dated before every other event: every day number changes
    reload_keeping_window();
    return;
  }
  state_.filter.type_shown.resize(table_.sub_types.size(), 1);  // new types are shown
  if (days_moved)
    scene_->set_events(table_);
  else
    scene_->update_events(table_, rows);
  apply_filters();   // their visibility, the counts per day, the table
  details_.reset();  // the selected event's details are read again
}

bool Viewer::append_new_events(const EventTable& part) {
  state_.arrived += part.size();
  const float old_last = static_cast<float>(table_.last_day());
  const bool reloading = table_.size() == 0 || part.day0 < table_.day0;
  if (reloading) {
    // The first events, or ones before the first day: every day number
    // changes, so the map is rebuilt (rare: reports arrive in time order).
    reload_keeping_window();
  } else {
    const size_t first = table_.size();
    append_event_table(table_, part);
    state_.filter.type_shown.resize(table_.sub_types.size(), 1);  // new types are shown
    std::vector<uint8_t> visible;
    try {
      visible = filter_mask(table_, current_filter(false), &store_, first);
    } catch (const std::exception& e) {
      state_.status = std::string("filter: ") + e.what();
      visible.assign(table_.size() - first, 1);
    }
    scene_->append_events(table_, first, visible);
    mask_.insert(mask_.end(), visible.begin(), visible.end());
    per_day_.resize(static_cast<size_t>(table_.last_day()) + 1, 0);
    for (size_t i = first; i < table_.size(); ++i)
      if (mask_[i]) ++per_day_[static_cast<size_t>(table_.day_from[i])];
    table_dirty_ = true;
  }
  const float last = static_cast<float>(table_.last_day());
  if (state_.timeline_to >= old_last + 1 - 1e-3f)
    state_.timeline_to = std::max(state_.timeline_to, last + 1);  // it showed the end: it still does
  if (state_.pin_now && last > state_.time.last_day()) place_end(state_.time, last);
  return !reloading;
}

void Viewer::pin_to_now(bool on) {
  state_.pin_now = on;
  if (on) place_end(state_.time, static_cast<float>(table_.last_day()));
}

EventFilter Viewer::filter_of(const FilterInputs& in, bool with_time) const {
  EventFilter f;
  for (size_t i = 0; i < in.type_shown.size(); ++i)
    if (in.type_shown[i]) f.types.push_back(table_.sub_types[i]);
  if (f.types.size() == table_.sub_types.size())
    f.types.clear();
  else if (f.types.empty())
    f.types.push_back("\x01none");  // every type unticked: nothing
  if (in.actor[0]) f.actors.push_back(in.actor);
  const EventFilter& more = in.beyond_panel;
  f.actors.insert(f.actors.end(), more.actors.begin(), more.actors.end());
  f.country = in.country;
  f.text = in.text;
  f.min_confidence = in.min_confidence;
  f.include_background = in.background;
  if (in.dataset > 0 && static_cast<size_t>(in.dataset) <= table_.datasets.size())
    f.dataset = table_.datasets[in.dataset - 1];
  else
    f.dataset = more.dataset;
  f.from = more.from;
  f.to = more.to;
  f.bbox = more.bbox;
  f.within = more.within;
  if (with_time) {  // the window, within the dates asked for
    const CivilDate first = civil_from_days(table_.day0 + static_cast<long>(state_.time.first_day()));
    const CivilDate last = civil_from_days(table_.day0 + static_cast<long>(state_.time.last_day()));
    f.from = f.from && days_from_civil(*f.from) > days_from_civil(first) ? *f.from : first;
    f.to = f.to && days_from_civil(*f.to) < days_from_civil(last) ? *f.to : last;
  }
  return f;
}

void Viewer::set_filter(const EventFilter& filter) {
  if (needs_rest(filter)) complete_table();                               // the datasets, actors ... the filter tests
  if (!filter.types.empty() || !filter.dataset.empty()) need_all_rows();  // every type and dataset, by name
  FilterInputs in;
  EventFilter& more = in.beyond_panel;
  in.type_shown.assign(table_.sub_types.size(), 1);
  if (!filter.types.empty())
    for (size_t t = 0; t < table_.sub_types.size(); ++t)
      in.type_shown[t] = std::any_of(filter.types.begin(), filter.types.end(), [&](const std::string& x) {
        return ascii_lower(x) == ascii_lower(table_.sub_types[t]) || ascii_lower(x) == ascii_lower(table_.event_types[t]);
      });
  // Text that does not fit its box stays whole beyond the panel.
  auto fits = [](const std::string& s, size_t size) { return s.size() < size; };
  more.actors = filter.actors;
  if (!more.actors.empty() && fits(more.actors.front(), sizeof in.actor)) {
    std::snprintf(in.actor, sizeof in.actor, "%s", more.actors.front().c_str());
    more.actors.erase(more.actors.begin());
  }
  if (!fits(filter.country, sizeof in.country) || !fits(filter.text, sizeof in.text))
    throw std::invalid_argument("filter: country or search text too long");
  std::snprintf(in.country, sizeof in.country, "%s", filter.country.c_str());
  std::snprintf(in.text, sizeof in.text, "%s", filter.text.c_str());
  in.min_confidence = static_cast<float>(filter.min_confidence);
  in.background = filter.include_background;
  const auto dataset = std::find(table_.datasets.begin(), table_.datasets.end(), filter.dataset);
  if (!filter.dataset.empty() && dataset != table_.datasets.end())
    in.dataset = static_cast<int>(dataset - table_.datasets.begin()) + 1;
  else
    more.dataset = filter.dataset;  // none of the loaded events: nothing matches
  more.from = filter.from;
  more.to = filter.to;
  more.bbox = filter.bbox;
  more.within = filter.within;
  std::vector<uint8_t> mask = filter_mask(table_, filter_of(in, false), &store_);
  state_.filter = std::move(in);
  show_only(std::move(mask));
}

void Viewer::apply_filters() {
  try {
    if (needs_rest(current_filter(false))) complete_table();
    show_only(filter_mask(table_, current_filter(false), &store_));
  } catch (const std::exception& e) {
    state_.status = std::string("filter: ") + e.what();
    show_only(std::vector<uint8_t>(table_.size(), 1));
  }
}

void Viewer::show_only(std::vector<uint8_t> mask) {
  mask_ = std::move(mask);
  scene_->set_visible(mask_);
  per_day_.assign(static_cast<size_t>(table_.last_day()) + 1, 0);
  for (size_t i = 0; i < table_.size(); ++i)
    if (mask_[i]) ++per_day_[static_cast<size_t>(table_.day_from[i])];
  table_dirty_ = true;
}

size_t Viewer::count_in_window() const {
  size_t n = 0;
  const int from = std::max(0, static_cast<int>(state_.time.first_day()));
  const int to = std::min(static_cast<int>(per_day_.size()) - 1, static_cast<int>(state_.time.last_day()));
  for (int d = from; d <= to; ++d) n += static_cast<size_t>(per_day_[static_cast<size_t>(d)]);
  return n;
}

EventDrawParams Viewer::draw_params() const {
  EventDrawParams p;
  // Whole days: an event on day d is shown when the window covers any of d.
  p.window_from = state_.time.first_day();
  p.window_to = state_.time.last_day();
  p.fade = state_.time.mode != WindowMode::single_day;
  p.selected = state_.selected;
  p.hovered = state_.hovered;
  const bool crowded = count_in_window() > 20000 && state_.camera.scale > 2000;
  p.style = state_.style == StyleChoice::density || (state_.style == StyleChoice::automatic && crowded) ? EventStyle::density
                                                                                                        : EventStyle::markers;
  return p;
}

bool Viewer::shown(size_t i, const EventDrawParams& p) const {
  return mask_[i] && table_.day_to[i] >= p.window_from && table_.day_from[i] <= p.window_to;
}

int Viewer::pick(double sx, double sy) const {
  const auto& xs = scene_->events().xs();
  const auto& ys = scene_->events().ys();
  const EventDrawParams p = draw_params();
  const Camera& c = state_.camera;
  int best = -1;
  double best_d = 10 * 10;
  scene_->events().for_each_candidate(p.window_from, p.window_to, [&](size_t i) {
    if (!shown(i, p)) return;
    const double dx = c.to_screen_x(xs[i]) - sx, dy = c.to_screen_y(ys[i]) - sy;
    const double d = dx * dx + dy * dy;
    if (d <= best_d) {
      best_d = d;
      best = static_cast<int>(i);
    }
  });
  return best;
}

std::string Viewer::day_label(float day) const { return to_iso(civil_from_days(table_.day0 + static_cast<long>(std::floor(day + 1e-4f)))); }

std::optional<float> Viewer::day_of(const std::string& date) const {
  try {
    return static_cast<float>(days_from_civil(parse_filter_date(date)) - table_.day0);
  } catch (const std::exception&) { return std::nullopt; }
}

std::vector<ScreenRect> Viewer::panel_rects() const {
  std::vector<ScreenRect> rects;
  if (!ImGui::GetCurrentContext()) return rects;
  const std::pair<const char*, bool> panels[] = {{"Timeline", true},
                                                 {"Filters", state_.show_filters},
                                                 {"Details", state_.show_details},
                                                 {"Events", state_.show_table},
                                                 {"Export", state_.show_export}};
  for (const auto& [name, open] : panels) {
    const ImGuiWindow* w = ImGui::FindWindowByName(name);
    if (!open || !w || !(w->Active || w->WasActive)) continue;
    rects.push_back({w->Pos.x, w->Pos.y, w->Pos.x + w->Size.x, w->Pos.y + w->Size.y});
  }
  return rects;
}

// The events in the window (all filtered ones when the window is empty).
void Viewer::fit_to_events() {
  need_window_rows();
  const EventDrawParams p = draw_params();
  std::vector<uint8_t> in_view(mask_.size(), 0);
  bool any = false;
  for (size_t i = 0; i < mask_.size(); ++i) {
    in_view[i] = shown(i, p);
    any |= in_view[i] != 0;
  }
  if (!any && rest_pending_ && rows_from_) {  // every event that passes the filters, not only the first window's
    complete_table();
    fit_to_events();
    return;
  }
  scene_->fit_events(state_.camera, any ? &in_view : &mask_, panel_rects());
}

void Viewer::select_event_id(const std::string& event_id) {
  state_.selected = -1;
  const auto fid = store_.event_fid(event_id);
  if (!fid) return;
  if (std::find(table_.fid.begin(), table_.fid.end(), *fid) == table_.fid.end()) need_all_rows();
  const auto row = std::find(table_.fid.begin(), table_.fid.end(), *fid);
  if (row != table_.fid.end()) state_.selected = static_cast<int>(row - table_.fid.begin());
}

void Viewer::add_files(const std::vector<std::string>& files) {
  if (!gaz_) {
    state_.status = "cannot ingest: no gazetteer index";
    return;
  }
  std::string errors;
  IngestOptions options;
  options.on_error = [&](const std::string& m) { errors = m; };
  IngestResult r;
  try {
    if (store_.is_writable()) {
      r = ingest_files(store_, *gaz_, files, options);
    } else {  // a GeoPackage shown read-only: a writer for these files, closed after
      // No read left open here may hold SQLite's shared lock over the writer's commit.
      store_.end_reads();
      Store writer = Store::open(store_.location(), Store::Mode::update);
      r = ingest_files(writer, *gaz_, files, options);
    }
  } catch (const std::exception& e) {
    state_.status = std::string("cannot add the reports: ") + e.what();
    return;
  }
  state_.status = fmt::format("added {} reports ({} events), {} already stored, {} failed{}{}", r.added, r.events, r.already_stored,
                              r.failed, errors.empty() ? "" : ": ", errors);
  reload();
}

size_t Viewer::export_layer(const std::string& path, ExportFormat format) {
  ExportOptions options;
  options.format = format;
  return export_events(store_, current_filter(true), path, options);
}

void Viewer::draw_overlay(ImDrawList* list, const Camera& camera, bool caption) const {
  const ScreenRect bar = scene_->draw_scale_bar(list, camera, caption ? std::vector<ScreenRect>{} : panel_rects());
  scene_->draw_labels(list, camera, {bar});
  if (!caption) return;
  // Legend of the types on the map, and the window's dates.
  const EventDrawParams p = draw_params();
  std::vector<int> present(table_.sub_types.size(), 0);  // the types in the window
  for (size_t i = 0; i < table_.size(); ++i) present[table_.type[i]] |= shown(i, p);
  // By name: the same legend whatever order the table's types came in.
  std::vector<size_t> types;
  for (size_t t = 0; t < present.size(); ++t)
    if (present[t]) types.push_back(t);
  std::sort(types.begin(), types.end(), [&](size_t a, size_t b) { return table_.sub_types[a] < table_.sub_types[b]; });
  float y = 12;
  const float x = 12;
  const std::string head = state_.time.from >= state_.time.to - 0.01f
                               ? day_label(state_.time.to)
                               : day_label(state_.time.first_day()) + " to " + day_label(state_.time.to);
  const std::string title = fmt::format("{}   {} events", head, count_in_window());
  list->AddRectFilled(ImVec2(x - 6, y - 4), ImVec2(x + 14 + ImGui::CalcTextSize(title.c_str()).x, y + 18), IM_COL32(255, 255, 255, 210), 4);
  list->AddText(ImVec2(x, y), IM_COL32(20, 20, 20, 255), title.c_str());
  y += 26;
  for (const size_t t : types) {
    const Rgb c = color_for_type(table_.sub_types[t]);
    const ImU32 col = IM_COL32(int(c.r * 255), int(c.g * 255), int(c.b * 255), 255);
    const float w = ImGui::CalcTextSize(table_.sub_types[t].c_str()).x;
    list->AddRectFilled(ImVec2(x - 6, y - 2), ImVec2(x + 26 + w, y + 16), IM_COL32(255, 255, 255, 200), 3);
    list->AddCircleFilled(ImVec2(x + 5, y + 7), 5, col);
    list->AddText(ImVec2(x + 16, y), IM_COL32(30, 30, 30, 255), table_.sub_types[t].c_str());
    y += 20;
  }
}

void Viewer::render_png(const std::string& path, int width, int height) { write_png(path, width, height, render_rgba(width, height)); }

std::vector<uint8_t> Viewer::render_rgba(int width, int height) {
  need_window_rows();
  Camera camera = state_.camera;
  // Same view at another size: keep the centre, scale so the same span shows across.
  camera.scale = state_.camera.scale * state_.camera.width / std::max(width, 1);
  camera.width = width;
  camera.height = height;
  OffscreenTarget target(width, height);
  target.bind();
  scene_->draw(camera, draw_params(), true);
  // Labels, legend and caption through ImGui's renderer, from a list of our own.
  ImDrawList list(ImGui::GetDrawListSharedData());
  list._ResetForNewFrame();
  list.PushClipRect(ImVec2(0, 0), ImVec2(static_cast<float>(width), static_cast<float>(height)));
  list.PushTextureID(ImGui::GetIO().Fonts->TexID);
  draw_overlay(&list, camera, true);
  ImDrawList* lists[] = {&list};
  ImDrawData data;
  data.Valid = true;
  data.CmdLists = lists;
  data.CmdListsCount = 1;
  data.TotalVtxCount = list.VtxBuffer.Size;
  data.TotalIdxCount = list.IdxBuffer.Size;
  data.DisplayPos = ImVec2(0, 0);
  data.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  data.FramebufferScale = ImVec2(1, 1);
  ImGui_ImplOpenGL3_RenderDrawData(&data);
  auto pixels = target.read_rgba();
  OffscreenTarget::unbind();
  return pixels;
}

void Viewer::render_frames(const std::string& dir, int count, int width, int height) {
  std::filesystem::create_directories(dir);
  const TimeWindow saved = state_.time;
  for (int i = 0; i < count; ++i) {  // one day a frame, as playback moves
    render_png(fmt::format("{}/frame_{:05}.png", dir, i), width, height);
    step_days(state_.time, 1, static_cast<float>(table_.last_day()));
  }
  state_.time = saved;
}

void Viewer::frame(PlatformWindow& window, double dt) {
  take_rest_if_read();
  if (auto dropped = window.take_dropped_files(); !dropped.empty()) add_files(dropped);
  take_new_events();
  state_.camera.width = window.width();
  state_.camera.height = window.height();
  advance(state_.time, dt, static_cast<float>(table_.last_day()));
  const TimeWindow before_input = state_.time;
  handle_keys();
  view_map(window);
  need_window_rows();
  scene_->draw(state_.camera, draw_params());
  draw_overlay(ImGui::GetBackgroundDrawList(), state_.camera, false);
  view_timeline();
  need_window_rows();  // the timeline moved the window: the table below shows it
  if (state_.show_filters) view_filters();
  if (state_.show_details) view_details();
  if (state_.show_table) view_table();
  if (state_.show_export) view_export();
  if (fit_after_first_frame_) {
    fit_after_first_frame_ = false;
    fit_to_events();
  }
  // Moving the window (keys, timeline) is looking at the events.
  if (state_.time.from != before_input.from || state_.time.to != before_input.to) looked();
  if (const std::string e = follower_->error(); !e.empty()) state_.status = "following the store: " + e;
}

}  // namespace sitmap
