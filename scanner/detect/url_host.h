#pragma once
// Hosts named in string literals: "https://api.openai.com/v1/chat" ->
// "api.openai.com". Only absolute http(s)/ws(s) URLs and protocol-relative
// ones count: a bare "a.b" in a string is too often not a host.
#include <string>
#include <string_view>
#include <vector>

namespace ps {

std::vector<std::string> hosts_in_string(std::string_view s);
// Whether a literal reads as text rather than as a URL: it holds
// whitespace ("see https://angular.io/errors/NG0100 for details").
bool reads_as_prose(std::string_view literal);
// Hosts that are this machine, private networks or documentation examples.
bool is_local_or_example_host(std::string_view host);

}  // namespace ps
