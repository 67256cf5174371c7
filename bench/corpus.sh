# Benchmark corpora, sourced by bench/*.sh (bash only: no python, no jq).
#   npm_corpus DIR PKG@VER...   JavaScript/TypeScript of pinned npm packages (npm pack)
#   gen_corpus DIR N            N generated files per language for Python, Go,
#                               Java, Kotlin, Swift and C++: realistic service code
#                               (analytics calls, cookies, emails in logs, outbound
#                               requests) mixed with plain code, deterministic
# Both leave DIR/.done and are skipped when it exists. Corpora live under
# bench/corpus/ (git-ignored).

# The pins: bench/parse.sh and bench/compare.sh (full), compare.sh --small.
NPM_FULL_PKGS=(three@0.160.0 typescript@5.4.5 @angular/core@17.3.0 lodash@4.17.21 express@4.19.2 axios@1.6.8
               @sentry/browser@7.108.0 stripe@14.21.0 openai@4.29.0 posthog-js@1.116.0)
NPM_SMALL_PKGS=(express@4.19.2 axios@1.6.8 openai@4.29.0)

npm_corpus() {
  local dir=$1
  shift
  [[ -f $dir/.done ]] && return 0
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && for p in "$@"; do npm pack --silent "$p" >/dev/null; done
   for t in *.tgz; do d=${t%.tgz}; mkdir -p "$d"; tar xzf "$t" -C "$d"; rm "$t"; done)
  touch "$dir/.done"
}

# --- templates ---------------------------------------------------------------
# Placeholders: @N@ file number, @D@ folder number, @K@ block number in the
# file, @ENT@/@Ent@ an entity name, @DAYS@ and @SIZE@ small numbers.
_tpl() { IFS= read -r -d '' "$1" || true; }

_tpl _PY_HEAD <<'EOF'
"""@Ent@ service, module @N@: accounts, events and housekeeping."""
import json
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import requests
import segment.analytics as analytics

logger = logging.getLogger(__name__)
API_BASE = os.environ.get("API_BASE", "https://internal.example.com")
SESSION_COOKIE_AGE = 60 * 60 * 24 * @DAYS@
EOF
_tpl _PY_B0 <<'EOF'


def track_@ENT@_created_@K@(user, @ENT@):
    analytics.identify(user.id, {"email": user.email, "name": user.full_name})
    analytics.track(user.id, "@Ent@ Created", {"@ENT@_id": @ENT@.id, "plan": user.plan})
    return @ENT@.id
EOF
_tpl _PY_B1 <<'EOF'


def send_reset_@K@(user, mailer):
    token = os.urandom(16).hex()
    logger.info("password reset for %s (token %s)", user.email, token)
    mailer.send(to=user.email, template="reset", context={"token": token})
    return token
EOF
_tpl _PY_B2 <<'EOF'


def login_view_@K@(request, response, session):
    if not session.is_valid():
        return None
    response.set_cookie("sessionid", session.key, max_age=60 * 60 * 24 * @DAYS@, httponly=True, secure=True)
    return response
EOF
_tpl _PY_B3 <<'EOF'


@dataclass
class @Ent@Summary@K@:
    count: int = 0
    total: float = 0.0
    tags: list = field(default_factory=list)

    def add(self, amount, tag=None):
        self.count += 1
        self.total += amount
        if tag and tag not in self.tags:
            self.tags.append(tag)
        return self
EOF
_tpl _PY_B4 <<'EOF'


def paginate_@K@(items, page_size=@SIZE@):
    pages = []
    for start in range(0, len(items), page_size):
        chunk = items[start:start + page_size]
        pages.append({"start": start, "items": chunk, "last": start + page_size >= len(items)})
    return pages
EOF
_tpl _PY_B5 <<'EOF'


def push_event_@K@(payload):
    resp = requests.post("https://api.mixpanel.com/track", json=payload, timeout=5)
    resp.raise_for_status()
    return resp.json()
EOF
_tpl _PY_B6 <<'EOF'


def parse_config_@K@(path):
    with open(path) as fh:
        raw = json.load(fh)
    retries = int(raw.get("retries", 3))
    expires = datetime.utcnow() + timedelta(days=@DAYS@)
    return {"retries": retries, "expires": expires.isoformat(), "debug": bool(raw.get("debug"))}
EOF

_tpl _GO_HEAD <<'EOF'
// Package @ENT@svc@D@ handles @ENT@ requests (unit @N@).
package @ENT@svc@D@

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"time"

	analytics "github.com/segmentio/analytics-go/v3"
)

const defaultPageSize = @SIZE@
EOF
_tpl _GO_B0 <<'EOF'

func Track@Ent@Created@K@(client analytics.Client, userID, email string) error {
	return client.Enqueue(analytics.Track{
		UserId:     userID,
		Event:      "@Ent@ Created",
		Properties: analytics.NewProperties().Set("email", email),
	})
}
EOF
_tpl _GO_B1 <<'EOF'

func notifyReset@K@(email string, token string) {
	log.Printf("password reset for %s token=%s", email, token)
}
EOF
_tpl _GO_B2 <<'EOF'

func setSession@K@(w http.ResponseWriter, sessionID string) {
	http.SetCookie(w, &http.Cookie{Name: "session_id", Value: sessionID, MaxAge: 86400 * @DAYS@, HttpOnly: true, Secure: true})
}
EOF
_tpl _GO_B3 <<'EOF'

type @Ent@Stats@K@ struct {
	Count int
	Total float64
	Seen  map[string]bool
}

func (s *@Ent@Stats@K@) Add(amount float64, tag string) {
	if s.Seen == nil {
		s.Seen = make(map[string]bool)
	}
	s.Count++
	s.Total += amount
	s.Seen[tag] = true
}
EOF
_tpl _GO_B4 <<'EOF'

func paginate@K@(items []string, size int) [][]string {
	if size <= 0 {
		size = defaultPageSize
	}
	var pages [][]string
	for start := 0; start < len(items); start += size {
		end := start + size
		if end > len(items) {
			end = len(items)
		}
		pages = append(pages, items[start:end])
	}
	return pages
}
EOF
_tpl _GO_B5 <<'EOF'

func pushEvent@K@(payload map[string]any) error {
	body, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("marshal: %w", err)
	}
	_, err = http.Post("https://api.mixpanel.com/track", "application/json", bytes.NewReader(body))
	return err
}
EOF
_tpl _GO_B6 <<'EOF'

func expiry@K@(days int) time.Time {
	if days <= 0 {
		days = @DAYS@
	}
	return time.Now().Add(time.Duration(days) * 24 * time.Hour).Truncate(time.Minute)
}
EOF

_tpl _JAVA_HEAD <<'EOF'
package com.example.@ENT@.svc@D@;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.mixpanel.mixpanelapi.MessageBuilder;
import com.mixpanel.mixpanelapi.MixpanelAPI;

public class @Ent@Service@N@ {
    private static final Logger logger = LoggerFactory.getLogger(@Ent@Service@N@.class);
    private final MixpanelAPI mixpanel = new MixpanelAPI();
    private final HttpClient http = HttpClient.newHttpClient();
EOF
_tpl _JAVA_B0 <<'EOF'

    public void track@Ent@Created@K@(MessageBuilder messages, String userId, String email) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("email", email);
        mixpanel.sendMessage(messages.event(userId, "@Ent@ Created", new org.json.JSONObject(props)));
    }
EOF
_tpl _JAVA_B1 <<'EOF'

    public String sendReset@K@(String email) {
        String token = Long.toHexString(Double.doubleToLongBits(Math.random()));
        logger.info("password reset for {} token {}", email, token);
        return token;
    }
EOF
_tpl _JAVA_B2 <<'EOF'

    public void login@K@(HttpServletResponse response, String sessionId) {
        Cookie cookie = new Cookie("SESSION", sessionId);
        cookie.setMaxAge(60 * 60 * 24 * @DAYS@);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }
EOF
_tpl _JAVA_B3 <<'EOF'

    static final class Stats@K@ {
        private int count;
        private double total;
        private final List<String> tags = new ArrayList<>();

        Stats@K@ add(double amount, String tag) {
            count++;
            total += amount;
            if (tag != null && !tags.contains(tag)) {
                tags.add(tag);
            }
            return this;
        }
    }
EOF
_tpl _JAVA_B4 <<'EOF'

    public static <T> List<List<T>> paginate@K@(List<T> items, int size) {
        List<List<T>> pages = new ArrayList<>();
        for (int start = 0; start < items.size(); start += size) {
            pages.add(items.subList(start, Math.min(items.size(), start + size)));
        }
        return pages;
    }
EOF
_tpl _JAVA_B5 <<'EOF'

    public void pushEvent@K@(String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.segment.io/v1/track"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
        http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
    }
EOF
_tpl _JAVA_B6 <<'EOF'

    public Map<String, Integer> histogram@K@(List<String> words) {
        Map<String, Integer> counts = new HashMap<>();
        for (String w : words) {
            counts.merge(w.toLowerCase(), 1, Integer::sum);
        }
        return counts;
    }
EOF

_tpl _KT_HEAD <<'EOF'
package com.example.@ENT@.svc@D@

import android.content.Context
import android.os.Bundle
import android.util.Log
import com.google.firebase.analytics.FirebaseAnalytics
import okhttp3.OkHttpClient
import okhttp3.Request

private const val TAG = "@Ent@Repository@N@"

class @Ent@Repository@N@(private val context: Context) {
    private val firebaseAnalytics = FirebaseAnalytics.getInstance(context)
    private val http = OkHttpClient()
EOF
_tpl _KT_B0 <<'EOF'

    fun track@Ent@Created@K@(userId: String, email: String) {
        firebaseAnalytics.setUserId(userId)
        firebaseAnalytics.logEvent("@ENT@_created", Bundle().apply { putString("email", email) })
    }
EOF
_tpl _KT_B1 <<'EOF'

    fun requestReset@K@(email: String): Boolean {
        Log.d(TAG, "password reset requested for $email")
        return email.contains('@')
    }
EOF
_tpl _KT_B2 <<'EOF'

    fun rememberUser@K@(email: String, phone: String) {
        context.getSharedPreferences("session", Context.MODE_PRIVATE).edit()
            .putString("user_email", email)
            .putString("user_phone", phone)
            .apply()
    }
EOF
_tpl _KT_B3 <<'EOF'

    data class Stats@K@(val count: Int = 0, val total: Double = 0.0, val tags: List<String> = emptyList()) {
        fun add(amount: Double, tag: String?): Stats@K@ =
            copy(count = count + 1, total = total + amount, tags = if (tag == null || tag in tags) tags else tags + tag)
    }
EOF
_tpl _KT_B4 <<'EOF'

    fun <T> paginate@K@(items: List<T>, size: Int = @SIZE@): List<List<T>> {
        val pages = mutableListOf<List<T>>()
        var start = 0
        while (start < items.size) {
            pages += items.subList(start, minOf(items.size, start + size))
            start += size
        }
        return pages
    }
EOF
_tpl _KT_B5 <<'EOF'

    fun pushEvent@K@(json: String) {
        val request = Request.Builder().url("https://api2.amplitude.com/2/httpapi").post(json.toRequestBody()).build()
        http.newCall(request).execute().use { it.isSuccessful }
    }
EOF
_tpl _KT_B6 <<'EOF'

    fun histogram@K@(words: List<String>): Map<String, Int> =
        words.groupingBy { it.lowercase() }.eachCount().filterValues { it > 1 }
EOF

_tpl _SW_HEAD <<'EOF'
// @Ent@Controller@N@.swift
import Foundation
import FirebaseAnalytics
import os

final class @Ent@Controller@N@ {
    private let logger = Logger(subsystem: "com.example.app", category: "@ENT@")
    private let session = URLSession.shared
    private var cache: [String: Int] = [:]
EOF
_tpl _SW_B0 <<'EOF'

    func track@Ent@Created@K@(userId: String, email: String) {
        Analytics.setUserID(userId)
        Analytics.logEvent("@ENT@_created", parameters: ["email": email, "source": "ios"])
    }
EOF
_tpl _SW_B1 <<'EOF'

    func requestReset@K@(email: String) -> Bool {
        logger.info("password reset requested for \(email, privacy: .public)")
        return email.contains("@")
    }
EOF
_tpl _SW_B2 <<'EOF'

    func storeSession@K@(token: String, domain: String) {
        let cookie = HTTPCookie(properties: [.name: "session", .value: token, .domain: domain, .path: "/"])
        if let cookie = cookie {
            HTTPCookieStorage.shared.setCookie(cookie)
        }
        UserDefaults.standard.set(token, forKey: "sessionToken")
    }
EOF
_tpl _SW_B3 <<'EOF'

    struct Stats@K@ {
        var count = 0
        var total = 0.0
        var tags: [String] = []

        mutating func add(_ amount: Double, tag: String?) {
            count += 1
            total += amount
            if let tag = tag, !tags.contains(tag) { tags.append(tag) }
        }
    }
EOF
_tpl _SW_B4 <<'EOF'

    func paginate@K@<T>(_ items: [T], size: Int = @SIZE@) -> [[T]] {
        stride(from: 0, to: items.count, by: size).map { start in
            Array(items[start..<min(items.count, start + size)])
        }
    }
EOF
_tpl _SW_B5 <<'EOF'

    func pushEvent@K@(_ body: Data) {
        var request = URLRequest(url: URL(string: "https://api.mixpanel.com/track")!)
        request.httpMethod = "POST"
        request.httpBody = body
        session.dataTask(with: request).resume()
    }
EOF
_tpl _SW_B6 <<'EOF'

    func count@K@(_ key: String) -> Int {
        let next = (cache[key] ?? 0) + 1
        cache[key] = next
        return next
    }
EOF

_tpl _CPP_COMMON <<'EOF'
// Declarations the generated C++ units share (no system headers: libclang
// would parse the standard library for every unit).
#pragma once
namespace app {
using size_t = unsigned long;
class String {
 public:
  String(const char* s = "");
  String operator+(const String& o) const;
  const char* c_str() const;
  size_t size() const;
};
template <class T> class Vector {
 public:
  void push_back(const T& v);
  size_t size() const;
  T& operator[](size_t i);
};
struct Json { Json(); void set(const char* key, const String& value); String dump() const; };
struct Analytics { static void track(const String& user, const char* event, const Json& props); static void identify(const String& user, const Json& traits); };
struct Response { void addCookie(const char* name, const String& value); void set_header(const char* name, const String& value); };
struct HttpClient { int Post(const char* url, const String& body, const char* type); };
}  // namespace app
namespace spdlog {
template <class... A> void info(const char* fmt, const A&... a);
template <class... A> void warn(const char* fmt, const A&... a);
}  // namespace spdlog
EOF
_tpl _CPP_HEAD <<'EOF'
// @Ent@ service, unit @N@.
#include "../include/app_common.h"

namespace app::@ENT@@D@ {

static const int kPageSize = @SIZE@;
EOF
_tpl _CPP_B0 <<'EOF'

void track_@ENT@_created_@K@(const String& user_id, const String& email) {
  Json props;
  props.set("email", email);
  Analytics::track(user_id, "@Ent@ Created", props);
}
EOF
_tpl _CPP_B1 <<'EOF'

String send_reset_@K@(const String& email, const String& token) {
  spdlog::info("password reset for {} token {}", email.c_str(), token.c_str());
  return token;
}
EOF
_tpl _CPP_B2 <<'EOF'

void login_@K@(Response* resp, const String& session_id) {
  resp->addCookie("session_id", session_id);
  resp->set_header("Cache-Control", "no-store");
}
EOF
_tpl _CPP_B3 <<'EOF'

class Stats@K@ {
 public:
  void add(double amount) {
    ++count_;
    total_ += amount;
    if (amount > max_) max_ = amount;
  }
  double mean() const { return count_ ? total_ / count_ : 0.0; }

 private:
  int count_ = 0;
  double total_ = 0, max_ = 0;
};
EOF
_tpl _CPP_B4 <<'EOF'

int paginate_@K@(const Vector<String>& items, Vector<int>& starts, int size) {
  if (size <= 0) size = kPageSize;
  int pages = 0;
  for (size_t start = 0; start < items.size(); start += size) {
    starts.push_back(static_cast<int>(start));
    ++pages;
  }
  return pages;
}
EOF
_tpl _CPP_B5 <<'EOF'

int push_event_@K@(HttpClient& client, const Json& payload) {
  return client.Post("https://api.segment.io/v1/track", payload.dump(), "application/json");
}
EOF
_tpl _CPP_B6 <<'EOF'

unsigned hash_@K@(const char* s) {
  unsigned h = 2166136261u;
  for (; *s; ++s) h = (h ^ static_cast<unsigned char>(*s)) * 16777619u;
  return h;
}
EOF

_GEN_ENTS=(user customer account order invoice profile session payment device subscription)
_GEN_PICK=(0 1 2 3 4 5 6 3 4 6)   # blocks 3, 4 and 6 (plain code) twice as likely

# _gen_lang DIR EXT N PREFIX FOOTER: files DIR/pkgNN/<lang>_unitN.EXT from _<PREFIX>_HEAD and _<PREFIX>_B0..B6.
_gen_lang() {
  local dir=$1 ext=$2 count=$3 pfx=$4 footer=$5
  local head_var="_${pfx}_HEAD" blocks=() b i k nb s d ent Ent text
  for b in 0 1 2 3 4 5 6; do local v="_${pfx}_B$b"; blocks+=("${!v}"); done
  for ((i = 0; i < count; i++)); do
    d=$((i / 100))
    [[ $((i % 100)) == 0 ]] && mkdir -p "$dir/pkg$d"
    s=$(((i * 2654435761 + 97) % 2147483648))   # a fixed LCG per file: the corpus is the same on every machine
    ent=${_GEN_ENTS[s % 10]}
    Ent=${ent^}
    nb=$((4 + (s >> 4) % 6))                     # 4..9 blocks
    text=${!head_var}
    for ((k = 0; k < nb; k++)); do
      s=$(((s * 1103515245 + 12345) % 2147483648))
      b=${blocks[_GEN_PICK[(s >> 8) % 10]]}
      text+=${b//@K@/$k}
    done
    text+=$footer
    text=${text//@N@/$i}
    text=${text//@D@/$d}
    text=${text//@ENT@/$ent}
    text=${text//@Ent@/$Ent}
    text=${text//@DAYS@/$((1 + s % 30))}
    text=${text//@SIZE@/$((10 + s % 90))}
    printf '%s' "$text" >"$dir/pkg$d/${ent}_unit$i.$ext"
  done
}

gen_corpus() {
  local dir=$1 n=$2
  [[ -f $dir/.done ]] && return 0
  rm -rf "$dir" && mkdir -p "$dir"
  _gen_lang "$dir/python" py "$n" PY ""
  _gen_lang "$dir/go" go "$n" GO ""
  _gen_lang "$dir/java" java "$n" JAVA $'}\n'
  _gen_lang "$dir/kotlin" kt "$n" KT $'}\n'
  _gen_lang "$dir/swift" swift "$n" SW $'}\n'
  mkdir -p "$dir/cpp/include" && printf '%s' "$_CPP_COMMON" >"$dir/cpp/include/app_common.h"
  _gen_lang "$dir/cpp" cpp "$n" CPP $'\n}  // namespace app\n'
  touch "$dir/.done"
}
