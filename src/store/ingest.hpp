#pragma once
// `sitmap ingest`: read reports, extract their events, store them, in
// transactions of a batch of documents. A report whose content is already
// stored is skipped (and said so), so a killed ingest is completed by
// running it again.
#include <cstddef>
#include <functional>
#include <span>
#include <string>

#include "store/store.hpp"

namespace sitmap {

struct IngestProgress {
  size_t bytes_done = 0, bytes_total = 0;
  size_t documents = 0;  // read so far, stored or skipped
};

struct IngestOptions {
  size_t batch_size = 64;  // documents per transaction
  std::function<void(const IngestProgress&)> on_progress;
  std::function<void(const std::string&)> on_error;   // "FILE:LINE: reason"; the rest goes on
  std::function<void(const std::string&)> on_notice;  // "FILE: already stored ..."
};

struct IngestResult {
  size_t added = 0, already_stored = 0, failed = 0;
  size_t events = 0, mentions = 0;
};

// Files are reports (.txt, .html) or JSON Lines (.jsonl, one document a line).
IngestResult ingest_files(Store& store, const Gazetteer& gaz, std::span<const std::string> files,
                          const IngestOptions& options = {});

}  // namespace sitmap
