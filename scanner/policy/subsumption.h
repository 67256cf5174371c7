#pragma once
// Does one statement cover another? Categories and recipients are matched
// through their hierarchies; shared by the linter and the conform stage.
#include <string>
#include <vector>

#include "scanner/core/point.h"
#include "scanner/policy/policy_model.h"
#include "scanner/policy/taxonomy.h"

namespace ps {

// The declared key covering `found`, most specific first; "" when none does.
std::string covering_category(const Taxonomy& t, const std::vector<std::string>& declared, const std::string& found);
bool categories_overlap(const Taxonomy& t, const std::vector<std::string>& a, const std::vector<std::string>& b);

// Does the declared recipient (an id of the policy's recipients, or a
// category) cover a recipient seen in code? With `strict`, a category covers
// only vendors the policy names.
bool recipient_covers(const PolicyModel& m, const Taxonomy& t, const std::string& declared, const Recipient& found, bool strict);
// The category of a declared recipient id, or the id itself when it is a category.
std::string recipient_category(const PolicyModel& m, const std::string& declared);
bool recipients_overlap(const PolicyModel& m, const Taxonomy& t, const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace ps
