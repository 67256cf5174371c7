#include "scanner/app/repo_config.h"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

namespace ps {

std::optional<RepoConfig> load_repo_config(const std::filesystem::path& file, Diagnostics& diags) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  auto err = [&](const YAML::Mark& m, std::string msg) {
    diags.push_back(Diagnostic{Severity::Error, "config", file.string(), m.line + 1, m.column + 1, std::move(msg)});
  };
  RepoConfig c;
  std::filesystem::path dir = file.parent_path();
  auto rel = [&](const std::string& p) { return p.empty() || std::filesystem::path(p).is_absolute() ? p : (dir / p).string(); };
  try {
    YAML::Node root = YAML::LoadFile(file.string());
    if (!root.IsMap()) {
      err(root.Mark(), "expected a map of settings");
      return c;
    }
    for (const auto& kv : root) {
      std::string key = kv.first.as<std::string>("");
      const YAML::Node& v = kv.second;
      auto list = [&](std::vector<std::string>& out) {
        if (v.IsScalar()) out.push_back(v.Scalar());
        else if (v.IsSequence()) for (const auto& x : v) out.push_back(x.as<std::string>());
        else err(v.Mark(), fmt::format("'{}' is a list of globs", key));
      };
      if (key == "policy") c.policy = rel(v.as<std::string>());
      else if (key == "baseline") c.baseline = rel(v.as<std::string>());
      else if (key == "include") list(c.include);
      else if (key == "exclude") list(c.exclude);
      else if (key == "fail_on") {
        c.fail_on = v.as<std::string>();
        if (c.fail_on != "error" && c.fail_on != "warning" && c.fail_on != "note" && c.fail_on != "none")
          err(v.Mark(), "fail_on is error, warning, note or none");
      } else if (key == "strict_recipients") c.strict_recipients = v.as<bool>();
      else err(kv.first.Mark(), fmt::format("unknown setting '{}' (policy, baseline, include, exclude, fail_on, strict_recipients)", key));
    }
  } catch (const YAML::Exception& e) {
    err(e.mark, e.msg);
  }
  return c;
}

}  // namespace ps
