#include "ingest/ingest.hpp"

#include <filesystem>
#include <fstream>
#include <unordered_set>
#include <vector>

#include "core/hash.hpp"
#include "text/dateline.hpp"
#include "text/reader.hpp"

namespace sitmap {
namespace {

PlaceRecord place_record(const Place& p, double score) {
  return {p.geonameid, std::string(p.name), std::string(p.feature), std::string(p.country_code), std::string(p.admin1), p.point, score};
}

MentionRecord mention_record(const Mention& m, const Gazetteer& gaz) {
  MentionRecord r{m.start, m.end, m.text, m.cue, m.demonym, m.in_name, m.sentence, {}};
  for (size_t i = 0; i < m.candidates.size() && i < 5; ++i)
    r.candidates.push_back(place_record(gaz.place(m.candidates[i].entry), m.candidates[i].score));
  return r;
}

}  // namespace

Ingester::Ingester(Store& store, const Gazetteer& gaz, const IngestOptions& options) : store_(store), gaz_(gaz), options_(options) {}

Ingester::Outcome Ingester::add(Document&& doc) {
  ++progress_.documents;
  if (options_.published) give_publication_date(doc, *options_.published);
  std::string hash = content_hash(doc.text);
  if (store_.has_content(hash) || pending_hashes_.count(hash)) {
    ++result_.already_stored;
    if (options_.on_notice) options_.on_notice(doc.source + ": already stored (content " + hash + "), nothing added");
    return Outcome::already_stored;
  }
  // Another report under the same name keeps its own id: event ids derive from it.
  if (store_.has_document_id(doc.id) || pending_ids_.count(doc.id)) doc.id += "~" + hash.substr(0, 8);
  // One document that cannot be analysed fails alone; the batch goes on.
  // (A broken gazetteer fails every document: that one stops the ingest.)
  Analysis analysis;
  try {
    analysis = analyse(doc, gaz_);
  } catch (const GazetteerError&) { throw; } catch (const std::exception& e) {
    error(doc.source + ": " + doc.id + ": cannot extract events: " + e.what());
    return Outcome::failed;
  }
  DocumentRecord item = document_record(std::move(doc), std::move(hash), std::move(analysis), gaz_);
  pending_hashes_.insert(item.content_hash);
  pending_ids_.insert(item.doc.id);
  batch_.push_back(std::move(item));
  if (batch_.size() >= options_.batch_size) flush();
  return Outcome::queued;
}

void Ingester::error(const std::string& message) {
  ++result_.failed;
  if (options_.on_error) options_.on_error(message);
}

void Ingester::flush() {
  if (batch_.empty()) return;
  // Another ingester (a team sharing one PostGIS) may have stored some of
  // these reports since we looked: the unique hash index refuses the batch,
  // which is rolled back. Drop what is now stored and try again; an ingester
  // racing on the same folder can win a few times in a row, so a few tries.
  for (int attempt = 1;; ++attempt) {
    try {
      if (!batch_.empty()) store_.add_documents(batch_);
      break;
    } catch (const StoreError&) {
      const size_t before = batch_.size();
      store_.refresh_known_documents();
      std::erase_if(batch_, [&](const DocumentRecord& d) {
        if (!store_.has_content(d.content_hash)) return false;
        ++result_.already_stored;
        if (options_.on_notice) options_.on_notice(d.doc.source + ": stored meanwhile by another ingester, nothing added");
        return true;
      });
      // Nothing of ours was stored by another: the refusal is of another kind.
      if (batch_.size() == before || attempt == 8) throw;
    }
  }
  for (const DocumentRecord& d : batch_) {
    ++result_.added;
    result_.events += d.events.size();
    result_.mentions += d.mentions.size();
  }
  batch_.clear();
  pending_hashes_.clear();
  pending_ids_.clear();
  if (options_.on_commit) options_.on_commit(result_.added);
}

void Ingester::report_progress(size_t bytes_done, size_t bytes_total) {
  progress_.bytes_done = bytes_done;
  progress_.bytes_total = bytes_total;
  if (options_.on_progress) options_.on_progress(progress_);
}

namespace {

// Reads each file (JSON Lines a document a line) into the ingester.
void ingest_each(Ingester& ingester, std::span<const std::string> files, size_t total) {
  size_t done = 0;
  for (const auto& path : files) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    try {
      for_each_document_in_file(
          path, [&](Document&& doc) { ingester.add(std::move(doc)); }, [&](const std::string& message) { ingester.error(message); });
    } catch (const InputError& e) { ingester.error(e.what()); }
    done += ec ? 0 : size;
    ingester.report_progress(done, total);
  }
}

}  // namespace

DocumentRecord document_record(Document doc, std::string content_hash, Analysis analysis, const Gazetteer& gaz) {
  DocumentRecord r{std::move(doc), std::move(content_hash), std::move(analysis.events), {}};
  r.mentions.reserve(analysis.mentions.size());
  for (const Mention& m : analysis.mentions) r.mentions.push_back(mention_record(m, gaz));
  return r;
}

IngestResult ingest_files(Store& store, const Gazetteer& gaz, std::span<const std::string> files, const IngestOptions& options) {
  size_t total = 0;
  for (const auto& f : files) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(f, ec);
    total += ec ? 0 : size;
  }
  Ingester ingester(store, gaz, options);
  try {
    ingest_each(ingester, files, total);
  } catch (...) {
    // What was read before the failure is stored: a rerun skips it.
    try {
      ingester.flush();
    } catch (...) {}
    throw;
  }
  ingester.flush();
  return ingester.result();
}

}  // namespace sitmap