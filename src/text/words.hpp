#pragma once
// The parts of speech an English word can take, most frequent first: the
// pinned en-lexicon package (Brill's lexicon, extended; about 110,000 words)
// compiled at set-up into words.idx and mapped read-only, like the gazetteer.
#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sitmap {

// Penn Treebank tags (PRPS = PRP$, WPS = WP$); punct for everything else.
enum class Pos : uint8_t {
  none,
  NN,
  NNS,
  NNP,
  NNPS,
  PRP,
  PRPS,
  WP,
  WPS,
  WDT,
  WRB,
  DT,
  PDT,
  CD,
  JJ,
  JJR,
  JJS,
  RB,
  RBR,
  RBS,
  VB,
  VBD,
  VBG,
  VBN,
  VBP,
  VBZ,
  MD,
  TO,
  IN,
  CC,
  RP,
  EX,
  POS,
  UH,
  FW,
  SYM,
  punct
};

std::string_view pos_name(Pos p);
// "NN" -> Pos::NN, "PRP$" -> Pos::PRPS; Pos::none for tags we do not keep.
Pos pos_from_name(std::string_view name);

inline bool is_noun(Pos p) { return p == Pos::NN || p == Pos::NNS || p == Pos::NNP || p == Pos::NNPS; }
inline bool is_verb(Pos p) { return p >= Pos::VB && p <= Pos::VBZ; }
inline bool is_adjective(Pos p) { return p == Pos::JJ || p == Pos::JJR || p == Pos::JJS; }
inline bool is_adverb(Pos p) { return p == Pos::RB || p == Pos::RBR || p == Pos::RBS; }

// The tags a word can take, most frequent first (count 0: unknown word).
struct WordTags {
  std::array<Pos, 4> tags{};
  uint8_t count = 0;
  bool has(Pos p) const {
    for (uint8_t i = 0; i < count; ++i)
      if (tags[i] == p) return true;
    return false;
  }
  Pos first() const { return count ? tags[0] : Pos::none; }
};

struct WordTableError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class WordTable {
 public:
  // No words: the tagger falls back on its closed-class list and suffixes.
  WordTable();
  // Maps words.idx; throws WordTableError naming the file and the rebuild
  // command when it is missing, truncated, corrupt or of another version.
  static WordTable open(const std::string& path);
  // $SITMAP_WORDS, else words.idx beside the gazetteer index in use.
  static std::string default_path();
  // The table the default path names, or an empty one (with one notice on
  // stderr) when there is none: extraction still runs, less well.
  static const WordTable& shared();

  WordTable(WordTable&&) noexcept;
  WordTable& operator=(WordTable&&) noexcept;
  ~WordTable();

  size_t size() const;
  // Exact spelling as the lexicon has it ("Monday", "attack").
  WordTags lookup(std::string_view word) const;

 private:
  struct Mapping;
  explicit WordTable(std::unique_ptr<Mapping> m);
  std::unique_ptr<Mapping> m_;
};

// Reads en-lexicon's dist/lexicon.js (one `"word": "TAG|TAG",` a line) and
// writes the index to `out` (through a temporary file renamed into place).
// Returns the number of words; throws WordTableError naming file and line.
size_t build_word_table(const std::string& lexicon_js, const std::string& out);

}  // namespace sitmap
