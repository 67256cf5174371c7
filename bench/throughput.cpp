// policyscan_bench: throughput of each stage on one corpus, in one run, so
// ratios are comparable on a noisy machine.
//   raw     tree-sitter/libclang parse only
//   facts   parse + fact extraction
//   full    parse + facts + detect (whole mapping library) + classify
// Prints files/s and MB/s per mode and thread count, and full/raw ratios.
// The modes run in turn, --repeat times (default 3), and each keeps its
// fastest run: on a shared machine, noise only ever adds time. Runs whole
// seconds apart still meet different noise, so a paired pass follows: the
// corpus is cut into blocks of about 1 MB, each block is parsed raw and
// scanned in full back to back (in alternating order), on every thread,
// and the ratio of the two sums of thread CPU time is the cost of the
// library with the noise of each moment shared by both sides. (Blocks,
// not single files, so that neither side runs in caches the other just
// filled or emptied; pairing by file gave the same ratios within 0.04.)
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <sys/resource.h>
#include <time.h>
#include <tree_sitter/api.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "scanner/app/resources.h"
#include "scanner/app/scan_pipeline.h"
#include "scanner/discover/discover.h"
#include "scanner/parse/parse.h"

using namespace ps;

namespace {

struct Loaded {
  SourceFile file;
  std::string text;
};

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

// Wall and CPU seconds of one pass over the files: at 2 threads the two
// differ by the time a thread waits for the other at the end.
struct Timing {
  double wall = 1e300, cpu = 1e300;
  void keep_fastest(const Timing& t) {
    if (t.wall < wall) *this = t;
  }
};

Timing run(int threads, const std::vector<Loaded>& files, const std::function<void(const Loaded&)>& work) {
  tbb::task_arena arena(threads);
  auto t0 = std::chrono::steady_clock::now();
  double c0 = cpu_seconds();
  arena.execute([&] {
    tbb::parallel_for(std::size_t(0), files.size(), [&](std::size_t i) { work(files[i]); });
  });
  return Timing{std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), cpu_seconds() - c0};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: policyscan_bench ROOT [--repeat N] [--paired-only] [THREADS...]\n");
    return 2;
  }
  std::vector<int> threads;
  int repeat = 3;
  bool paired_only = false;  // skip the mode-by-mode runs
  for (int i = 2; i < argc; ++i) {
    if (std::string(argv[i]) == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (std::string(argv[i]) == "--paired-only") paired_only = true;
    else threads.push_back(std::atoi(argv[i]));
  }
  if (threads.empty()) threads = {1, 2};

  DiscoverOptions dopts;
  dopts.root = argv[1];
  // Measure everything under the root: the corpus may sit in an ignored folder.
  dopts.skip_tests = dopts.skip_vendored = dopts.skip_generated = false;
  dopts.use_gitignore = false;
  auto disc = discover(dopts);
  std::vector<Loaded> files;
  std::uint64_t bytes = 0, lines = 0;
  for (const auto& f : disc.files) {
    std::ifstream in(f.abs, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    files.push_back({f, ss.str()});
    bytes += files.back().text.size();
    const std::string& t = files.back().text;
    lines += static_cast<std::uint64_t>(std::count(t.begin(), t.end(), '\n')) + (!t.empty() && t.back() != '\n');
  }
  Diagnostics diags;
  const auto mappings = find_mappings_dir(std::nullopt, argv[0]);
  auto res = load_resources(mappings, diags);
  if (!res.classifier) {
    for (const auto& d : diags) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    return 3;
  }
  ParseOptions popts;
  popts.root = dopts.root;
  popts.interest = res.library->interest();  // as a scan parses
  Parsers parsers(popts);
  std::atomic<std::size_t> points{0};

  struct RawParsers {
    std::array<TSParser*, kLanguageCount> by_language{};
    ~RawParsers() {
      for (TSParser* p : by_language)
        if (p) ts_parser_delete(p);
    }
    TSParser*& operator[](std::size_t i) { return by_language[i]; }
  };
  tbb::enumerable_thread_specific<RawParsers> raw_parsers;
  auto raw = [&](const Loaded& l) __attribute__((noinline)) {  // a frame of its own for profilers
    if (uses_libclang(l.file.language)) {
      parsers.parse_text(l.file, l.text);  // libclang: parsing and tokens are one step
      return;
    }
    // One parser per thread and language, reused as the pipeline reuses its
    // own: a parser made and freed per file lets glibc give the heap back
    // to the system after each file, which made this baseline ~25% slower
    // on one thread and the ratios look better than they are.
    TSParser*& p = raw_parsers.local()[static_cast<std::size_t>(l.file.language)];
    if (!p) {
      p = ts_parser_new();
      ts_parser_set_language(p, tree_sitter_language(l.file.language));
    }
    TSTree* t = ts_parser_parse_string(p, nullptr, l.text.data(), static_cast<uint32_t>(l.text.size()));
    ts_tree_delete(t);
  };
  // The pipeline keeps each file's text in a buffer it owns (a scan reads
  // the file into it); the raw side parses the loaded text in place. So the
  // pipeline sides get their buffer the way a scan does, made before their
  // clock starts. Copying the text in the timed part charged them for an
  // allocation the raw side never makes: 8% of their extra instructions on
  // small generated files (1.5% on JavaScript packages), most of it glibc
  // merging every block freed since its last large allocation.
  std::vector<std::string> owned(files.size());
  auto give = [&](std::size_t i) { owned[i] = files[i].text; };
  auto give_all = [&] {
    for (std::size_t i = 0; i < files.size(); ++i) give(i);
  };
  auto take = [&](const Loaded& l) { return std::move(owned[static_cast<std::size_t>(&l - files.data())]); };
  auto facts = [&](const Loaded& l) { parsers.parse_text(l.file, take(l)); };
  // The classifier remembers names it has classified; a scan reads each
  // file once, so every timed pass starts with one that has seen none.
  auto forget_names = [&] { res.classifier = DataTypeClassifier::load(mappings / "datatypes.yaml", diags); };
  std::vector<std::pair<double, std::string>> slow(files.size());
  auto full = [&](const Loaded& l) {
    auto t0 = std::chrono::steady_clock::now();
    auto pf = parsers.parse_text(l.file, take(l));
    points += scan_parsed_file(pf, *res.library, *res.classifier).points.size();
    slow[static_cast<std::size_t>(&l - files.data())] = {std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), l.file.rel};
  };

  double mb = static_cast<double>(bytes) / 1e6;
  fmt::print("corpus: {} files, {:.1f} MB, {} lines, {} rules; fastest of {} runs per mode\n", files.size(), mb, lines,
             res.library->rules().size(), repeat);
  fmt::print("{:<8} {:>7} {:>9} {:>9} {:>8} {:>8}\n", "mode", "threads", "files/s", "MB/s", "seconds", "cpu s");
  for (int t : threads) {
    if (paired_only) break;
    run(t, files, raw);  // warm the page cache and allocators
    Timing r, f, u;
    for (int k = 0; k < repeat; ++k) {
      r.keep_fastest(run(t, files, raw));
      give_all();
      f.keep_fastest(run(t, files, facts));
      points = 0;
      forget_names();
      give_all();
      u.keep_fastest(run(t, files, full));
    }
    for (auto [name, tm] : {std::pair{"raw", r}, std::pair{"facts", f}, std::pair{"full", u}})
      fmt::print("{:<8} {:>7} {:>9.0f} {:>9.2f} {:>8.3f} {:>8.3f}\n", name, t, files.size() / tm.wall, mb / tm.wall, tm.wall, tm.cpu);
    fmt::print("ratio full/raw at {} thread(s): {:.2f}x   (facts/raw {:.2f}x; cpu time {:.2f}x; {} points)\n", t, u.wall / r.wall,
               f.wall / r.wall, u.cpu / r.cpu, points.load());
  }
  // Blocks of consecutive files, about 1 MB each.
  std::vector<std::pair<std::size_t, std::size_t>> blocks;
  for (std::size_t b = 0; b < files.size();) {
    std::size_t e = b, size = 0;
    while (e < files.size() && (e == b || size < (1u << 20))) size += files[e++].text.size();
    blocks.emplace_back(b, e);
    b = e;
  }
  fmt::print("paired, {} passes over {} blocks of ~1 MB (each block raw and full back to back; thread CPU time):\n", repeat,
             blocks.size());
  for (int t : threads) {
    struct Sums {
      double raw = 0, full = 0;
      std::array<double, kLanguageCount> raw_by{}, full_by{};  // by language
    };
    tbb::enumerable_thread_specific<Sums> sums;
    auto thread_cpu = [] {
      timespec ts{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
      return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
    };
    for (int k = 0; k < repeat; ++k) {
      forget_names();
      tbb::task_arena arena(t);
      arena.execute([&] {
        tbb::parallel_for(std::size_t(0), blocks.size(), [&](std::size_t bi) {
          Sums& mine = sums.local();
          bool raw_first = (bi + static_cast<std::size_t>(k)) % 2 == 0;
          for (int side = 0; side < 2; ++side) {
            bool is_raw = (side == 0) == raw_first;
            for (std::size_t i = blocks[bi].first; i < blocks[bi].second; ++i) {
              if (!is_raw) give(i);
              double c0 = thread_cpu();
              if (is_raw) raw(files[i]);
              else full(files[i]);
              double spent = thread_cpu() - c0;
              (is_raw ? mine.raw : mine.full) += spent;
              (is_raw ? mine.raw_by : mine.full_by)[static_cast<std::size_t>(files[i].file.language)] += spent;
            }
          }
        });
      });
    }
    Sums total;
    for (const auto& x : sums) {
      total.raw += x.raw;
      total.full += x.full;
      for (std::size_t l = 0; l < kLanguageCount; ++l) {
        total.raw_by[l] += x.raw_by[l];
        total.full_by[l] += x.full_by[l];
      }
    }
    fmt::print("ratio full/raw at {} thread(s), paired: {:.2f}x   (raw {:.2f} s, full {:.2f} s of CPU)\n", t, total.full / total.raw,
               total.raw, total.full);
    std::string by;
    for (Language l : kAllLanguages)
      if (total.raw_by[static_cast<std::size_t>(l)] > 0)
        by += fmt::format(" {} {:.2f}x", language_name(l), total.full_by[static_cast<std::size_t>(l)] / total.raw_by[static_cast<std::size_t>(l)]);
    fmt::print("  by language:{}\n", by);
  }
  std::sort(slow.rbegin(), slow.rend());
  fmt::print("slowest files (full pipeline):\n");
  for (std::size_t i = 0; i < slow.size() && i < 5; ++i) fmt::print("  {:8.3f}s  {}\n", slow[i].first, slow[i].second);
  return 0;
}
