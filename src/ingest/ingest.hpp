#pragma once
// The one composer of read -> extract -> store: `sitmap ingest`, `sitmap
// view` on report files, the viewer's dropped files and the tests all come
// here. Reports are read (src/text), their events and places extracted
// (src/extract, with the gazetteer), and stored as plain records
// (core/records.hpp) in transactions of a batch of documents. A report
// whose content is already stored is skipped (and said so), so a killed
// ingest is completed by running it again.
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/records.hpp"
#include "extract/pipeline.hpp"
#include "gazetteer/gazetteer.hpp"
#include "store/store.hpp"

namespace sitmap {

struct IngestProgress {
  size_t bytes_done = 0, bytes_total = 0;
  size_t documents = 0;  // read so far, stored or skipped
};

struct IngestOptions {
  size_t batch_size = 64;  // documents per transaction
  // The publication day of a report that gives none (no dateline, byline
  // date, feed date or markup date): `--published` on the command line.
  std::optional<CivilDate> published;
  std::function<void(const IngestProgress&)> on_progress;
  std::function<void(const std::string&)> on_error;   // "FILE:LINE: reason"; the rest goes on
  std::function<void(const std::string&)> on_notice;  // "FILE: already stored ..."
  std::function<void(size_t stored)> on_commit;       // after each batch is committed: reports stored so far
};

struct IngestResult {
  size_t added = 0, already_stored = 0, failed = 0;
  size_t events = 0, mentions = 0;
};

// Documents in, stored in transactions of a batch: what ingest_files and
// the watcher (ingest/watch.hpp) share. A report whose content the store
// holds (or the batch does) is skipped; one that cannot be analysed fails
// alone. A batch not yet flushed when the ingester goes is not stored.
class Ingester {
 public:
  Ingester(Store& store, const Gazetteer& gaz, const IngestOptions& options);  // options outlive it

  enum class Outcome { queued, already_stored, failed };
  // Analyses the document and queues it; a full batch is stored.
  Outcome add(Document&& doc);
  // A report that could not be read: counted and told (on_error), the rest goes on.
  void error(const std::string& message);
  // Stores the batch, in one transaction.
  void flush();
  size_t queued() const { return batch_.size(); }
  void report_progress(size_t bytes_done, size_t bytes_total);
  const IngestResult& result() const { return result_; }

 private:
  Store& store_;
  const Gazetteer& gaz_;
  const IngestOptions& options_;
  std::vector<DocumentRecord> batch_;
  std::unordered_set<std::string> pending_hashes_, pending_ids_;
  IngestProgress progress_;
  IngestResult result_;
};

// Files are reports (.txt, .html), feeds or JSON Lines (.jsonl, one
// document a line): core/file_formats.hpp tells which.
IngestResult ingest_files(Store& store, const Gazetteer& gaz, std::span<const std::string> files, const IngestOptions& options = {});

// What the store keeps of an analysed report: the places its mentions
// could be (the best five, chosen first) read from the gazetteer.
DocumentRecord document_record(Document doc, std::string content_hash, Analysis analysis, const Gazetteer& gaz);

}  // namespace sitmap
