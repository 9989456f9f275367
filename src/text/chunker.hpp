#pragma once
// A sentence's shallow structure: tags -> chunks (noun groups, verb groups,
// prepositions) -> clauses. Enough to ask of a verb who did it (subject, or
// "by X" in the passive), to whom (object) and where and when (the
// prepositional phrases of its own clause), without a full parser: news
// sentences put those in a few predictable places, and chunking costs
// microseconds where a parser costs a tenth of a second.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/segment.hpp"
#include "text/words.hpp"

namespace sitmap {

enum class ChunkKind : uint8_t { noun, verb, prep, adverb, adjective, conj, wh, punct, other };

struct Chunk {
  ChunkKind kind = ChunkKind::other;
  uint32_t first = 0, last = 0;  // sentence-relative token indexes, inclusive
  uint32_t head = 0;             // the noun, verb or preposition that heads it
  // Verb groups.
  bool finite = false;        // carries tense or a modal: "killed", "has seized", "will strike"
  bool passive = false;       // "were killed", "was hit"
  bool negated = false;       // "did not attack", "never reached"
  bool modal = false;         // "could", "would", "will"
  bool infinitive = false;    // "to attack"
  bool perfect = false;       // "have seized"
  bool catenative = false;    // "began", "kept": goes on in the verb after it ("began breaking into shops")
  bool instrument = false;    // "used", "using": its object is the means of the infinitive after ("used a truck to smash")
  int clause = 0;             // index into Parse::clauses
  bool time = false;          // a noun group that says when: "Saturday", "earlier last month"
  bool opens_clause = false;  // "after", "when", "which", "and": the word that starts its clause
};

enum class ClauseKind : uint8_t { main, coordinate, relative, subordinate, participle, quote };

struct Clause {
  ClauseKind kind = ClauseKind::main;
  int parent = -1;      // the clause it hangs from
  std::string opener;   // "which", "after", "when", "and" ... lower case
  int antecedent = -1;  // relative clauses: the noun chunk they describe
};

struct Parse {
  std::vector<Pos> tags;        // per token of the sentence
  std::vector<Chunk> chunks;    // in order, covering every token
  std::vector<Clause> clauses;  // clauses[0] is the main clause
  std::vector<int> chunk_of;    // per token: its chunk

  // The noun chunks a verb chunk governs in its clause.
  int subject_of(int verb) const;           // -1 when none in the sentence
  int named_before_aside(int verb) const;   // the name an aside between commas describes, or -1
  int perfect_of_conjunct(int verb) const;  // "had stormed the town and taken control": the perfect
  int object_of(int verb) const;            // first bare noun chunk after it
  // The prepositional phrases of a verb's clause: after the verb, fronted
  // before its subject ("In Mosul, gunmen ..."), or between subject and verb
  // ("gunmen in two cars shot").
  struct PrepPhrase {
    int prep = -1, object = -1;  // chunks; object -1 when the preposition governs none
    enum Where : uint8_t { after, fronted, inner } where = after;
  };
  std::vector<PrepPhrase> preps_of(int verb) const;
  // The noun chunk a preposition chunk governs (-1 when none).
  int object_of_prep(int prep) const;
  bool in_prep_phrase(int noun) const;            // governed by a preposition
  bool participle_phrase_before(int noun) const;  // "backed by Turkish tanks, ...": in a participle's list
};

// Tags (tag_sentence) and chunks one sentence.
Parse parse_sentence(std::string_view text, const Segmented& seg, const Sentence& s, const WordTable& words, bool title_case = false);

// The sentence as "[NP Gunmen] [VP stormed] [NP a hotel] [PP in] [NP Bamako]"
// with clause numbers: for tests and `sitmap parse`.
std::string describe(std::string_view text, const Segmented& seg, const Sentence& s, const Parse& p);

}  // namespace sitmap
