#pragma once
// Who receives data: the recipient hierarchy of the taxonomy (anyone > we |
// third_party > service_provider > analytics, ...) plus the vendors a policy
// names (`recipients:`), each a leaf under its category.
#include <string>
#include <vector>

#include "scanner/core/point.h"
#include "scanner/policy/policy_model.h"
#include "scanner/policy/taxonomy.h"

namespace ps {

// Does a recipient named in a statement (a policy recipient id, or a
// category) cover the recipient a point sends to? A named recipient covers
// the vendor with its id, or whose id or host one of its `match` entries
// names (a domain covers its subdomains); an entry without `match` also
// stands for its whole category. A category covers every vendor in it. With
// `strict`, only vendors the policy names count (subprocessor lists).
bool recipient_covers(const PolicyModel& m, const Taxonomy& t, const std::string& declared, const Recipient& found, bool strict);

// Does `named` (policy recipient) stand for the vendor seen in code?
bool names_vendor(const RecipientDecl& named, const Recipient& found);

// The category of a declared recipient id, or the id itself when it is a category.
std::string recipient_category(const PolicyModel& m, const std::string& declared);

// Could two `to:` lists mean a common recipient? An empty list means anyone.
bool recipients_overlap(const PolicyModel& m, const Taxonomy& t, const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace ps
