#include "core/one_of.hpp"
#include "core/fold.hpp"
#include "extract/dates.hpp"
#include "extract/events.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace sitmap {

namespace {

// Easter Sunday of the Gregorian calendar (the anonymous algorithm of 1876).
CivilDate western_easter(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return CivilDate{year, month, day};
}

int small_number(std::string_view w) {
  int v = 0;
  auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
  if (ec != std::errc()) return 0;
  // "30th", "1st": a day with its suffix.
  const std::string_view rest(p, static_cast<size_t>(w.data() + w.size() - p));
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  return v <= 31 ? v : 0;  // a year is no day
}

// "the 15th", no month named: that day of the report's month, or of the month before when it is yet to come.
std::optional<CivilDate> day_of_recent_month(CivilDate pub, int day) {
  CivilDate d{pub.year, pub.month, day};
  if (!is_valid(d) || days_from_civil(d) > days_from_civil(pub)) {
    const CivilDate before = add_days(CivilDate{pub.year, pub.month, 1}, -1);
    d = CivilDate{before.year, before.month, day};
  }
  if (!is_valid(d)) return std::nullopt;
  return d;
}

bool is_year(std::string_view w) { return w.size() == 4 && std::all_of(w.begin(), w.end(), ::isdigit); }

// A day written in figures at the start of `text`: year-month-day, or day
// and month either way round with a two- or four-digit year ("19/05/2024",
// "19.05.24", "5/19/2024"). Where both readings are days, the one nearest
// before the report's day wins (a day after it, the other). Sets `length`.
std::optional<CivilDate> date_in_figures(std::string_view text, std::optional<CivilDate> pub, size_t& length) {
  int part[3] = {0, 0, 0};
  size_t digits[3] = {0, 0, 0}, i = 0;
  char separator = 0;
  for (int p = 0; p < 3; ++p) {
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && digits[p] < 4) {
      part[p] = part[p] * 10 + (text[i] - '0');
      ++digits[p];
      ++i;
    }
    if (digits[p] == 0) return std::nullopt;
    if (p == 2) break;
    if (i >= text.size() || !(text[i] == '/' || text[i] == '.' || text[i] == '-') || (separator && text[i] != separator))
      return std::nullopt;
    separator = text[i++];
  }
  if (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) ||
                          (text[i] == '.' && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])))))
    return std::nullopt;  // a longer number: a version, a phone number
  // "date: 2024-07-31T22:10": a timestamp of the page, not a day the text tells.
  if (i + 1 < text.size() && text[i] == 'T' && std::isdigit(static_cast<unsigned char>(text[i + 1]))) return std::nullopt;
  length = i;
  if (digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2) {
    const CivilDate d{part[0], part[1], part[2]};
    return is_valid(d) ? std::optional<CivilDate>(d) : std::nullopt;
  }
  if (digits[0] > 2 || digits[1] > 2 || !(digits[2] == 4 || digits[2] == 2)) return std::nullopt;
  const int year = digits[2] == 2 ? 2000 + part[2] : part[2];
  if (year < 1990 || year > 2100) return std::nullopt;
  const CivilDate day_month{year, part[1], part[0]}, month_day{year, part[0], part[1]};
  const bool dm = is_valid(day_month), md = is_valid(month_day) && part[0] != part[1];
  if (dm && !md) return day_month;
  if (md && !dm) return month_day;
  if (!dm) return std::nullopt;
  if (!pub) return day_month;
  const auto before = [&](const CivilDate& d) { return days_from_civil(d) <= days_from_civil(*pub); };
  if (before(day_month) != before(month_day)) return before(day_month) ? day_month : month_day;
  const long a = std::labs(days_from_civil(*pub) - days_from_civil(day_month)),
             b = std::labs(days_from_civil(*pub) - days_from_civil(month_day));
  return b < a ? month_day : day_month;
}

struct Scanner {
  const Document& doc;
  const Segmented& seg;
  const Sentence& s;
  std::vector<std::string>* warnings;
  std::optional<CivilDate> today;  // what relative cues count from: the report's day, or a live page's heading
  std::vector<DateCue> out;

  size_t end() const { return s.first_token + s.token_count; }
  std::string w(size_t k) const { return k < end() ? ascii_lower(token_text(doc.text, seg.tokens[k])) : ""; }
  std::string raw(size_t k) const { return k < end() ? std::string(token_text(doc.text, seg.tokens[k])) : ""; }
  // "the 15th" with no month after it ("the 15th of March", "the 15th March" name theirs): a day of a month untold.
  bool day_of_month_alone(size_t k) const {
    return raw(k).size() > 2 && small_number(w(k)) > 0 && w(k + 1) != "of" &&
           !(month_from_name(raw(k + 1)) && seg.tokens[k + 1].capitalized);
  }

  void push(size_t a, size_t b, CivilDate d, int precision, std::optional<CivilDate> to = std::nullopt) {
    DateCue c;
    c.first_token = static_cast<uint32_t>(a);
    c.last_token = static_cast<uint32_t>(b);
    c.span.date = d;
    c.span.date_to = to;
    c.span.precision = precision;
    // ("since 2015": the year's cue starts at "since" itself.)
    c.since = w(a) == "since" || (a > s.first_token && (w(a - 1) == "since" || (a > s.first_token + 1 && w(a - 2) == "since")));
    // "On Monday, the Pentagon said ..." and "..., the Pentagon said on
    // Monday" date the telling, not the action.
    const bool opens = a == s.first_token || (a == s.first_token + 1 && (w(a - 1) == "on" || w(a - 1) == "late"));
    for (size_t k = b + 1; opens && k < std::min(end(), b + 6); ++k)
      if (is_reporting_verb(w(k))) c.reporting = true;
    // "..., officials said on Monday" dates the telling; "clashes were reported on
    // Saturday" (a passive) the clashes.
    for (size_t k = a >= s.first_token + 2 ? a - 2 : s.first_token; k < a; ++k)
      if (is_reporting_verb(w(k)) && !passive_report(k)) c.reporting = true;
    // "By Sunday morning the toll had risen to 16": the day of a count, as of a telling.
    if (a > s.first_token && w(a - 1) == "by") c.reporting = true;
    // "... rose to 133 on Saturday", "climbed to 40 on Sunday": the day a toll was counted, not the action's.
    for (size_t k = a >= s.first_token + 6 ? a - 6 : s.first_token; k < a; ++k)
      if ((w(k) == "rose" || w(k) == "risen" || w(k) == "climbed" || w(k) == "jumped" || w(k) == "increased") && w(k + 1) == "to")
        c.reporting = true;
    // "According to the government's communiqué of Monday", "In a statement issued on Tuesday": the day of a
    // statement is the telling's (not "a report on Monday's attack": the possessive's noun is dated).
    // (Only a statement told as one: after "according to", "in" or "a", or before "of", "issued", "released" or "published"
    // and the day; not "gunmen attacked a press briefing on Monday", where the briefing is what was hit.)
    const bool possessive_after = b + 1 < end() && (w(b + 1) == "'s" || w(b + 1) == "\u2019s");
    for (size_t k = a >= s.first_token + 4 ? a - 4 : s.first_token; k < a && !possessive_after; ++k) {
      if (!one_of(w(k), {"statement", "statements", "communique", "communiqu\u00e9", "bulletin", "announcement"})) continue;
      const bool told_as_one = (k >= s.first_token + 2 && w(k - 2) == "according") || (k > s.first_token && w(k - 1) == "in") ||
                               (k >= s.first_token + 2 && w(k - 2) == "in") ||
                               one_of(w(k + 1), {"of", "issued", "released", "published", "dated"});
      if (told_as_one) c.reporting = true;
    }
    // "... told AFP on Tuesday", "told reporters on Monday": the one told between.
    if (a >= s.first_token + 3 && w(a - 1) == "on" && is_reporting_verb(w(a - 3)) &&
        (seg.tokens[a - 2].capitalized || w(a - 2) == "reporters" || w(a - 2) == "journalists"))
      c.reporting = true;
    out.push_back(c);
  }

  // "were (also) reported": the subject is what happened, not who told.
  bool passive_report(size_t k) const {
    for (size_t j = k; j-- > s.first_token && j + 3 > k;)
      if (w(j) == "were" || w(j) == "was") return true;
    return false;
  }

  void warn(size_t k, const std::string& what) {
    if (warnings) warnings->push_back(doc.source + ": byte " + std::to_string(seg.tokens[k].start) + ": " + what);
  }

  // The latest (year, month, day) not after publication, when no year is written.
  std::optional<CivilDate> infer_year(int month, int day) const {
    if (!today) return std::nullopt;
    const int year = today->year;
    for (int y : {year, year - 1}) {
      CivilDate d{y, month, day};
      if (is_valid(d) && days_from_civil(d) <= days_from_civil(*today) + 1) return d;
    }
    return std::nullopt;
  }

  // "N units ago" at token k ("ago", or "since" in "ten years since"). A day told just before
  // "ago" ("on Easter Sunday six years ago", "in April two years ago") is moved back by the
  // years (`moves_day`), else the cue spans the time.
  void ago(size_t k, bool moves_day) {
    const std::string unit = w(k - 1);
    const std::string count = w(k - 2);
    // (An exact count only: "several years ago" says no year.)
    if (one_of(count, {"several", "many", "dozens", "scores", "hundreds", "thousands", "dozen"})) return;
    const std::optional<long> counted = one_of(count, {"a", "an"}) ? 1L : parse_count({count}, 0);
    if (!counted || *counted <= 0 || *counted > 100) return;
    const int n = static_cast<int>(*counted);
    const CivilDate day = *today;
    // ("two nights ago": the nights' days; "48 hours ago": whole days of hours only.)
    if (one_of(unit, {"day", "days", "night", "nights"})) return push(k - 2, k, add_days(day, -n), 1);
    if (one_of(unit, {"hours"}) && n >= 24 && n % 24 == 0) return push(k - 2, k, add_days(day, -(n / 24)), 1);
    // "two weeks ago": that many weeks back, good to about a week (precision 2).
    if (one_of(unit, {"week", "weeks"})) return push(k - 2, k, add_days(day, -7 * n), 2);
    if (one_of(unit, {"month", "months"})) {
      const int months = day.year * 12 + (day.month - 1) - n;
      const CivilDate first{months / 12, months % 12 + 1, 1};
      return push(k - 2, k, first, 3, CivilDate{first.year, first.month, days_in_month(first.year, first.month)});
    }
    const int years = one_of(unit, {"year", "years"}) ? n : one_of(unit, {"decade", "decades"}) ? 10 * n : 0;
    if (years == 0) return;
    // The day told just before, in the same phrase: the same day of that year.
    if (moves_day && !out.empty() && out.back().last_token + 6 >= k - 2 && out.back().span.date) {
      DateCue& c = out.back();
      const std::string first = raw(c.first_token);
      CivilDate d = *c.span.date;
      if (one_of(first, {"Palm", "Good", "Easter"})) {  // moved with Easter, not with the calendar
        const int offset = days_from_civil(d) - days_from_civil(western_easter(d.year));
        d = add_days(western_easter(d.year - years), offset);
      } else {
        d.year -= years;
        if (!is_valid(d)) d.day = days_in_month(d.year, d.month);
      }
      c.span.date = d;
      if (c.span.date_to) c.span.date_to->year -= years;
      c.last_token = static_cast<uint32_t>(k);
      return;
    }
    const int year = day.year - years;
    push(k - 2, k, CivilDate{year, 1, 1}, 3, CivilDate{year, 12, 31});
  }

  void scan() {
    const std::optional<CivilDate> pub = today;
    for (size_t k = s.first_token; k < end(); ++k) {
      const std::string word = w(k);
      const Token& t = seg.tokens[k];
      // "Muscat, July 16 (ONA) --- Six people were killed late on Monday": the dateline's date is the
      // filing day, which the report's "today" already is; no day of the sentence's actions.
      if (doc.dateline && t.start >= doc.dateline->start && t.end <= doc.dateline->end) continue;
      // Weekday names: "on Sunday", "Friday's attacks", "Sunday night".
      if (t.capitalized && pub) {
        const int wd = weekday_from_name(raw(k));
        // "Palm Sunday", "Good Friday", "Bloody Sunday": a feast or a name, no day of the report's week.
        const bool named_day = k > s.first_token && seg.tokens[k - 1].capitalized &&
                               one_of(raw(k - 1), {"Palm", "Easter", "Good", "Black", "Bloody", "Holy", "Ash", "Maundy", "Cyber", "Super"});
        // "Tuesday 27 June", "Tuesday, June 27": the written date that follows says the day.
        const size_t after = w(k + 1) == "," ? k + 2 : k + 1;
        const bool dated_after =
            small_number(w(after)) > 0 || (after < end() && seg.tokens[after].capitalized && month_from_name(raw(after)) > 0);
        // "during the night from Wednesday to Thursday", "between Friday and Saturday": the span's first day says when.
        const bool span_end = k >= s.first_token + 3 && one_of(w(k - 1), {"to", "and", "into"}) && weekday_from_name(raw(k - 2)) >= 0 &&
                              one_of(w(k - 3), {"from", "of", "between"});
        // "On Sunday the 17th": the day of the month says which Sunday.
        if (wd >= 0 && raw(k).size() > 3 && !named_day && w(k + 1) == "the" && day_of_month_alone(k + 2)) {
          if (const auto d = day_of_recent_month(*pub, small_number(w(k + 2)))) {
            push(k, k + 2, *d, 1);
            k += 2;
            continue;
          }
        }
        if (wd >= 0 && raw(k).size() > 3 && !named_day && !dated_after && !span_end) {
          int back = (weekday(*pub) - wd + 7) % 7;
          // "called a march for Saturday", "a strike set for Monday": the day ahead, not the last one.
          const bool ahead = k > s.first_token && w(k - 1) == "for" && back != 0;
          if (ahead) back -= 7;
          if (k > s.first_token && w(k - 1) == "last" && back == 0) back = 7;
          // "on Tuesday last week", "Tuesday of last week": that day of the week before the report's.
          const bool last_week =
              (w(k + 1) == "last" && w(k + 2) == "week") || (w(k + 1) == "of" && w(k + 2) == "last" && w(k + 3) == "week");
          if (last_week) back = (weekday(*pub) + 6) % 7 + 7 - ((wd + 6) % 7);  // back to Monday, a week more, on to the day
          push(k, k, add_days(*pub, -back), 1);
          out.back().ahead = ahead;
          continue;
        }
      }
      // ("overnight on Tuesday", "overnight Tuesday", "overnight into Wednesday": the weekday says the day.)
      const auto weekday_follows = [&] {
        for (size_t j = k + 1; j < std::min(end(), k + 3); ++j)
          if (weekday_from_name(raw(j)) >= 0 && raw(j).size() > 3) return true;
        return false;
      };
      if (pub && (word == "overnight" || (word == "night" && k > s.first_token && w(k - 1) == "last")) &&
          !(word == "overnight" && weekday_follows())) {
        push(word == "night" ? k - 1 : k, k, add_days(*pub, -1), 1);
        continue;
      }
      if (pub && word == "yesterday") {
        // "the day before yesterday": two days back.
        const bool before = k >= s.first_token + 3 && w(k - 1) == "before" && w(k - 2) == "day" && w(k - 3) == "the";
        push(before ? k - 3 : k, k, add_days(*pub, before ? -2 : -1), 1);
        continue;
      }
      // "on Palm Sunday", "on Good Friday", "on Easter Sunday": days set by Easter, the latest not after the report.
      if (pub && one_of(raw(k), {"Palm", "Good", "Easter"}) && k + 1 < end() && seg.tokens[k + 1].capitalized) {
        const int offset = raw(k) == "Palm" && w(k + 1) == "sunday"     ? -7
                           : raw(k) == "Good" && w(k + 1) == "friday"   ? -2
                           : raw(k) == "Easter" && w(k + 1) == "sunday" ? 0
                           : raw(k) == "Easter" && w(k + 1) == "monday" ? 1
                                                                        : 99;
        if (offset != 99) {
          CivilDate d = add_days(western_easter(pub->year), offset);
          if (days_from_civil(d) > days_from_civil(*pub)) d = add_days(western_easter(pub->year - 1), offset);
          push(k, k + 1, d, 1);
          ++k;
          continue;
        }
      }
      // "on Christmas Day", "on New Year's Eve": fixed holidays, the latest not after the report.
      if (raw(k) == "Christmas" && (w(k + 1) == "day" || w(k + 1) == "eve")) {
        if (auto d = infer_year(12, w(k + 1) == "day" ? 25 : 24)) push(k, k + 1, *d, 1);
        continue;
      }
      if (raw(k) == "New" && w(k + 1) == "year") {
        size_t j = k + 2;
        while (j < end() && (w(j) == "'s" || w(j) == "'" || w(j) == "s")) ++j;
        if (w(j) == "day" || w(j) == "eve") {
          if (auto d = w(j) == "day" ? infer_year(1, 1) : infer_year(12, 31)) push(k, j, *d, 1);
          continue;
        }
      }
      // "this evening", "this morning": the day the report (or the live entry) was written.
      if (pub && word == "this" && k + 1 < end() && (w(k + 1) == "evening" || w(k + 1) == "morning" || w(k + 1) == "afternoon")) {
        push(k, k + 1, *pub, 1);
        continue;
      }
      if (pub && (word == "today" || word == "tonight")) {
        push(k, k, *pub, 1);
        continue;
      }
      if (pub && word == "week" && k > s.first_token) {
        const std::string prev = w(k - 1);
        if (prev == "last" || prev == "past") {
          push(k - 1, k, add_days(*pub, -7), 2, add_days(*pub, -1));
          continue;
        }
        if (prev == "this") {
          push(k - 1, k, add_days(*pub, -((weekday(*pub) + 6) % 7)), 2, *pub);
          continue;
        }
      }
      // "at the weekend", "over the weekend", "last weekend": the Saturday and Sunday
      // last begun by the report's day (a Sunday report's weekend is that one).
      if (pub && word == "weekend" && k > s.first_token && one_of(w(k - 1), {"the", "last", "past"}) &&
          !(k > s.first_token + 1 && one_of(w(k - 2), {"next", "coming", "following"}))) {
        const CivilDate saturday = add_days(*pub, -((weekday(*pub) + 1) % 7));
        const CivilDate sunday = add_days(saturday, 1);
        push(k - 1, k, saturday, 2, days_from_civil(sunday) <= days_from_civil(*pub) ? sunday : saturday);
        continue;
      }
      if (pub && word == "month" && k > s.first_token) {
        const std::string prev = w(k - 1);
        if (prev == "this") {
          push(k - 1, k, CivilDate{pub->year, pub->month, 1}, 3, *pub);
          continue;
        }
        if (prev == "last" || prev == "past") {
          const CivilDate first = add_days(CivilDate{pub->year, pub->month, 1}, -1);
          push(k - 1, k, CivilDate{first.year, first.month, 1}, 3, first);
          continue;
        }
      }
      // "two days ago", "three weeks ago", "six years ago", "a decade ago": counted back from the report.
      if (pub && word == "ago" && k >= s.first_token + 2) {
        ago(k, true);
        continue;
      }
      // "to mark ten years since the group overran their homeland": what came after "since" is that long past.
      if (pub && word == "since" && k >= s.first_token + 2 &&
          one_of(w(k - 1), {"days", "weeks", "months", "years", "decade", "decades", "year", "month"})) {
        ago(k, false);
        continue;
      }
      // "On the 15th at around 7 a.m.": a day of the report's month (or of the month before), no month named.
      if (pub && t.kind == TokenKind::number && day_of_month_alone(k) && k >= s.first_token + 2 && w(k - 1) == "the" && w(k - 2) == "on") {
        if (const auto d = day_of_recent_month(*pub, small_number(word))) push(k - 2, k, *d, 1);
        continue;
      }
      // ISO dates written in the text.
      if (t.kind == TokenKind::number && raw(k).size() == 10) {
        if (auto d = parse_iso_date(raw(k))) {
          push(k, k, *d, 1);
          continue;
        }
      }
      // "on 19/05/2024", "2024-05-19", "19.05.2024", "5/19/2024": a day in figures, over as many tokens as it spans.
      if (t.kind == TokenKind::number) {
        size_t length = 0;
        if (const auto d = date_in_figures(std::string_view(doc.text).substr(seg.tokens[k].start), pub, length)) {
          size_t last = k;
          while (last + 1 < end() && seg.tokens[last + 1].end <= seg.tokens[k].start + length) ++last;
          push(k, last, *d, 1);
          k = last;
          continue;
        }
      }
      // "in 2012", "since 2019": a year alone, when it is not this one.
      // "the 1994 genocide", "the 2015 attacks": a year before a noun.
      const bool year_before_noun = k > s.first_token && w(k - 1) == "the" && k + 1 < end() && seg.tokens[k + 1].kind == TokenKind::word &&
                                    !seg.tokens[k + 1].capitalized;
      if (is_year(word) && k > s.first_token && (w(k - 1) == "in" || w(k - 1) == "since" || w(k - 1) == "during" || year_before_noun)) {
        const int year = std::stoi(word);
        if (year >= 1900 && (!pub || year < pub->year)) {
          push(k - 1, k, CivilDate{year, 1, 1}, 3, CivilDate{year, 12, 31});
          continue;
        }
      }
      // "a 1998-2000 war", "the 2011–2012 crisis": the years the span covers, all before the report's.
      if (is_year(word) && k + 2 < end() && one_of(raw(k + 1), {"-", "\xE2\x80\x93"}) && is_year(w(k + 2))) {
        const int from = std::stoi(word), to = std::stoi(w(k + 2));
        if (from >= 1900 && from < to && (!pub || to < pub->year)) {
          push(k, k + 2, CivilDate{from, 1, 1}, 3, CivilDate{to, 12, 31});
          k += 2;
          continue;
        }
      }
      // "in the 1980s": the decade, when it is over.
      if (word.size() == 5 && word.back() == 's' && is_year(word.substr(0, 4)) && word[3] == '0') {
        const int from = std::stoi(word.substr(0, 4));
        if (from >= 1900 && (!pub || from + 9 < pub->year)) {
          push(k, k, CivilDate{from, 1, 1}, 3, CivilDate{from + 9, 12, 31});
          continue;
        }
      }
      // "since late 2014", "in early 2020", "mid-2019": a third of the year.
      if (is_year(word) && k > s.first_token) {
        const size_t cue = k >= s.first_token + 2 && w(k - 1) == "-" ? k - 2 : k - 1;
        const std::string part = w(cue);
        const int from = part == "early" ? 1 : part == "mid" ? 5 : part == "late" ? 9 : 0;
        const int year = std::stoi(word);
        if (from && year >= 1900 && (!pub || year < pub->year || (year == pub->year && from <= pub->month))) {
          push(cue, k, CivilDate{year, from, 1}, 3, CivilDate{year, from + 3, days_in_month(year, from + 3)});
          continue;
        }
      }
      // Month names with a day and/or a year.
      const int month = t.capitalized ? month_from_name(raw(k)) : 0;
      // ("May" the modal is no month; "in early May", "since May", "the end of May" are.)
      const bool may_month = k > s.first_token && one_of(w(k - 1), {"in", "since", "early", "late", "mid", "-", "of"});
      if (month && !(month == 5 && raw(k) == "May" && small_number(w(k + 1)) == 0 && !is_year(w(k + 1)) &&
                     !(k > s.first_token && small_number(w(k - 1)) > 0) && !may_month)) {
        size_t j = k + 1;
        if (w(j) == ".") ++j;
        int day = small_number(w(j));
        size_t last = k;
        if (day) last = j;
        // "16 November, 2015" / "30 September": the day before the month.
        int day_before = k > s.first_token ? small_number(w(k - 1)) : 0;
        size_t first = k;
        if (!day && day_before) {
          day = day_before;
          first = k - 1;
        }
        // "the night of 2 to 3 May", "on 4 and 5 May": from the first day.
        int range_end = 0;
        if (first == k - 1 && first >= s.first_token + 2 && one_of(w(first - 1), {"to", "and", "-"}) && small_number(w(first - 2)) > 0 &&
            small_number(w(first - 2)) < day) {
          range_end = day;
          day = small_number(w(first - 2));
          first -= 2;
        }
        size_t y = last + 1;
        if (w(y) == ",") ++y;
        std::optional<int> year;
        if (is_year(w(y))) {
          year = std::stoi(w(y));
          last = y;
        }
        if (day) {
          if ((year && !is_valid({*year, month, day})) || (!year && !is_valid({2000, month, day}))) {
            warn(k, "no such day: " + doc.text.substr(seg.tokens[first].start, seg.tokens[last].end - seg.tokens[first].start));
            continue;
          }
          std::optional<CivilDate> d = year ? std::optional<CivilDate>(CivilDate{*year, month, day}) : infer_year(month, day);
          if (d && range_end)
            push(first, last, *d, 1, CivilDate{d->year, month, range_end});
          else if (d)
            push(first, last, *d, 1);
        } else if (year) {
          const CivilDate start{*year, month, 1};
          push(k, last, start, 3, CivilDate{*year, month, days_in_month(*year, month)});
        } else if (pub && k > s.first_token && w(k - 1) == "last") {
          // "Last October": the latest such month before the report's own.
          const int yr = month < pub->month ? pub->year : pub->year - 1;
          push(k - 1, k, CivilDate{yr, month, 1}, 3, CivilDate{yr, month, days_in_month(yr, month)});
        } else if (pub && k > s.first_token &&
                   (one_of(w(k - 1), {"in", "since", "early", "late", "mid"}) ||
                    // "mid-April", "at the end of April", "the beginning of May"
                    (k >= s.first_token + 2 && ((w(k - 1) == "-" && w(k - 2) == "mid") ||
                                                (w(k - 1) == "of" && one_of(w(k - 2), {"end", "beginning", "start", "middle"})))))) {
          int yr = month <= pub->month ? pub->year : pub->year - 1;
          push(k, k, CivilDate{yr, month, 1}, 3, CivilDate{yr, month, days_in_month(yr, month)});
        }
        k = last;
      }
    }
  }
};

}  // namespace

bool is_reporting_verb(std::string_view w) {
  static const std::set<std::string, std::less<>> verbs = {
      "said",     "says",    "told",  "announced", "reported",  "confirmed", "stated",       "claimed",  "added",    "warned",
      "declared", "tweeted", "wrote", "insisted",  "explained", "noted",     "acknowledged", "admitted", "conceded", "denied"};
  return verbs.count(w) > 0;
}

std::vector<DateCue> find_date_cues(const Document& doc, const Segmented& seg, const Sentence& s, std::vector<std::string>* warnings,
                                    std::optional<CivilDate> today) {
  Scanner sc{doc, seg, s, warnings, today ? today : doc.published, {}};
  sc.scan();
  return std::move(sc.out);
}

}  // namespace sitmap
