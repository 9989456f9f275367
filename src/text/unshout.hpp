#pragma once
// Telex copy, flash alerts and some bulletins are written in capitals
// throughout ("GUNMEN SHOT DEAD THREE POLICEMEN IN GROZNY"). Capitals are what
// the tagger, the toponym finder and the event reader take names from, so such
// paragraphs are given back their case before anything reads them: a word the
// lexicon knows in lower case goes to lower case, any other word is a name
// ("Grozny") or, short, an acronym ("KNS"), and a sentence's first letter
// stays a capital. Lengths do not change, so every offset stays valid.
#include <string>

#include "core/document.hpp"

namespace sitmap {

class WordTable;

// Recases every paragraph of `text` whose letters are nearly all capitals.
void unshout(std::string& text, const WordTable& words);

// unshout() over a document's text, title and summary.
void unshout(Document& doc);

}  // namespace sitmap
