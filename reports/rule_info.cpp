#include <algorithm>

#include "reports/scan_report.h"

namespace ps {

const std::vector<RuleInfo>& all_rules() {
  static const std::vector<RuleInfo> kRules = {
      {"undisclosed-collection", "UndisclosedCollection", "Personal data collected that the policy does not disclose",
       "The code collects, stores or uses a category of personal data that no practice in the privacy policy covers.",
       "The code handles personal data the privacy policy never mentions.\n\n**Fix:** disclose the category in the policy "
       "(add it to a practice with its purpose), or stop collecting it.",
       "6.5", Severity::Warning},
      {"undisclosed-recipient", "UndisclosedRecipient", "Personal data sent to a recipient the policy does not name",
       "The code sends data to a third party (by SDK or by host) that the policy names neither by name nor by category.",
       "Data leaves for a third party the policy does not disclose.\n\n**Fix:** list the vendor (or its category) as a "
       "recipient in the policy, or remove the integration.",
       "7.0", Severity::Warning},
      {"broken-promise", "BrokenPromise", "Code contradicts a negative statement of the policy",
       "The policy says something never happens (\"we do not store card numbers\", \"not used for advertising\"); this code "
       "does it.",
       "The policy promises this never happens; the code does it.\n\n**Fix:** remove the code path, or change the "
       "promise (and tell users).",
       "8.5", Severity::Error},
      {"retention-exceeds-policy", "RetentionExceedsPolicy", "Data kept longer than the policy allows",
       "A lifetime in the code (TTL, cookie max-age, cleanup interval) is longer than the retention period the policy "
       "states for that data.",
       "A lifetime in the code exceeds the policy's retention period.\n\n**Fix:** shorten the lifetime to the policy's "
       "period, or change the policy.",
       "6.0", Severity::Warning},
      {"retention-not-enforced", "RetentionNotEnforced", "No deletion path for data the policy bounds",
       "The policy bounds how long a category is kept, the code stores it, and no TTL, expiry or cleanup job for it was "
       "found.",
       "The policy promises deletion within a period; nothing in the code deletes this data.\n\n**Fix:** add a TTL or a "
       "cleanup job, or mark where deletion happens.",
       "5.0", Severity::Warning},
      {"undisclosed-tracking", "UndisclosedTracking", "Tracking technology the policy does not disclose",
       "Cookies, on-device storage, pixels or SDKs track users, and the policy's tracking section does not list that "
       "technology.",
       "A tracking technology is used that the policy does not disclose.\n\n**Fix:** list the technology in the policy's "
       "tracking section, or remove it.",
       "5.5", Severity::Warning},
      {"personal-data-in-log", "PersonalDataInLog", "Personal data written to logs",
       "Classified personal data reaches a logging call; logs are kept and shared more widely than the data's purpose.",
       "Personal data is written to a log.\n\n**Fix:** log an identifier or a redacted value instead, or disclose the "
       "logging practice.",
       "5.0", Severity::Warning},
      {"unbacked-declaration", "UnbackedDeclaration", "A policy statement nothing in the code backs",
       "The policy declares a practice or recipient that no collection point in the scanned code shows; the policy may "
       "be out of date, or the code is elsewhere.",
       "The policy declares this, but nothing in the scanned code does it.\n\n**Fix:** none needed if the code lives "
       "elsewhere; otherwise remove the stale statement.",
       "1.0", Severity::Note},
      {"vague-disclosure", "VagueDisclosure", "Disclosed only through a root category",
       "The data is covered only by a very broad statement (for example the whole `user` category); a reader cannot tell "
       "that this data is meant.",
       "Only a very broad statement covers this data.\n\n**Fix:** name the category in the policy.",
       "2.0", Severity::Note},
      {"invalid-suppression", "InvalidSuppression", "A suppression comment without a rule or a reason",
       "`policyscan-ignore` must name a rule id and give a reason: `policyscan-ignore RULE: reason`.",
       "This suppression is ignored because it names no rule or gives no reason.\n\n**Fix:** write "
       "`policyscan-ignore RULE: reason`.",
       "3.0", Severity::Warning},
  };
  return kRules;
}

const RuleInfo* find_rule(const std::string& id) {
  const auto& rules = all_rules();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return id == r.id; });
  return it == rules.end() ? nullptr : &*it;
}

}  // namespace ps
