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
// Whether an expression builds a message: its source text starts with a
// string literal (after a prefix such as Python's f) that reads as prose:
// `'see ' + DOCS_URL`, `Required a safe ${type} (see ${XSS_URL})`. A URL
// joined into a message is a link for a reader, not an endpoint; one that
// starts the expression (`API + '/users'`) is an endpoint.
bool builds_message(std::string_view source_text, const std::vector<std::string>& strings);
// Whether a call path names an error being made: a type ending in Error or
// Exception (`new StripeSignatureVerificationError(...)`, `ValueError(...)`),
// Go's errors.New and fmt.Errorf. What it is given is its message.
bool makes_error(std::string_view call_path);
// Hosts that are this machine, private networks or documentation examples.
bool is_local_or_example_host(std::string_view host);

}  // namespace ps
