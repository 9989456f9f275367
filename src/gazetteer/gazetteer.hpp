#pragma once
// The gazetteer as the rest of Sitmap uses it: a mapped, read-only index
// answering "which places could this name be?" with ranked candidates.
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/place.hpp"

namespace sitmap {

struct GazetteerError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct GeocodeOptions {
  std::string country;  // ISO alpha-2 filter, empty for none
  size_t limit = 10;
  bool fuzzy = true;  // fall back to transliteration-tolerant matching
};

class Gazetteer {
 public:
  // Maps the index. Throws GazetteerError (with the command that rebuilds
  // it) when the file is missing, truncated or of another version.
  static Gazetteer open(const std::string& path);
  // The index every command and the viewer use: `index` when given, else
  // default_path(). The one place the default gazetteer is opened.
  static Gazetteer open_default(const std::string& index = {});
  // The index path to use: $SITMAP_GAZETTEER, else the one beside the
  // executable's build tree, else ./gazetteer.idx.
  static std::string default_path();

  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;
  ~Gazetteer();

  size_t size() const;
  size_t file_bytes() const;
  Place place(uint32_t index) const;
  std::optional<Place> country(std::string_view iso2) const;
  // The country's capital (its most populous PPLC entry), found on first use.
  std::optional<Place> capital(std::string_view iso2) const;
  // A first-level division's seat (its most populous PPLA entry), found on first use.
  std::optional<Place> seat(const Place& division) const;
  // The seat of the first-level division a place lies in (Morelia for Uruapan).
  std::optional<Place> seat_of_division_of(const Place& place) const;

  // Exact match on the folded name; candidates ranked by prior.
  std::vector<Candidate> lookup(std::string_view name) const;
  std::vector<Candidate> lookup_folded(std::string_view folded) const;
  // Transliteration-tolerant match (Boukamal -> Abu Kamal), ranked by
  // spelling distance, then prior.
  std::vector<Candidate> fuzzy(std::string_view name, size_t limit = 20) const;
  // What `sitmap geocode` answers: qualifiers ("Paris, Texas", "Alexandria,
  // Va."), admin suffixes ("Deir Ezzor province"), a country filter, then
  // exact before fuzzy.
  std::vector<Candidate> geocode(std::string_view query, const GeocodeOptions& options = {}) const;

 private:
  struct Mapping;
  explicit Gazetteer(std::unique_ptr<Mapping> m);
  std::unique_ptr<Mapping> m_;
};

// Context-free plausibility of an entry reached by `how` (used for ranking).
double prior_score(const Place& place, MatchHow how);

}  // namespace sitmap
