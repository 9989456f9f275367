#include <doctest/doctest.h>

#include "core/fold.hpp"

using namespace sitmap;

TEST_CASE("folding joins case, diacritic, apostrophe and hyphen variants") {
  CHECK(fold_name("Ālbū Kamāl") == "albu kamal");
  CHECK(fold_name("ALBU-KAMAL") == "albu kamal");
  CHECK(fold_name("  Albu   Kamal ") == "albu kamal");
  CHECK(fold_name("Ma’loula") == "maloula");
  CHECK(fold_name("Côte d'Ivoire") == "cote divoire");
  CHECK(fold_name("Türkiye") == "turkiye");
  CHECK(fold_name("Straße") == "strasse");
}

TEST_CASE("Arabic article variants fold away when a name follows") {
  CHECK(fold_name("Ar-Raqqah") == "raqqah");
  CHECK(fold_name("al-Raqqa") == "raqqa");
  CHECK(fold_name("Deir ez-Zor") == "deir zor");
  CHECK(fold_name("Dayr az Zawr") == "dayr zawr");
  CHECK(fold_name("Al") == "al");  // a lone word is kept
}

TEST_CASE("transliteration forms and skeletons meet across spellings") {
  CHECK(translit_form("raqqa") == translit_form("rakka"));
  CHECK(translit_form("raqqah") == "raka");
  CHECK(consonant_skeleton(translit_form("bukamal")) == consonant_skeleton(translit_form("boukamal")));
  CHECK(consonant_skeleton(translit_form("deir zor")) == consonant_skeleton(translit_form("dayr zawr")));
}

TEST_CASE("edit distance is bounded") {
  CHECK(edit_distance("kitten", "sitting", 5) == 3);
  CHECK(edit_distance("abcdef", "abcdfe", 3) == 1);  // transposition
  CHECK(edit_distance("short", "a much longer string", 2) == 3);
}

TEST_CASE("UTF-8 validity and repair") {
  CHECK(valid_utf8_prefix("plain") == 5);
  CHECK(valid_utf8_prefix("ok\xff rest") == 2);
  CHECK(repair_utf8("a\xffz") == "a\xEF\xBF\xBDz");
  CHECK(fold_name("bad\xff"
                  "byte") ==
        "bad\xEF\xBF\xBD"
        "byte");
}
