// RAII around libpq (see pq.hpp).
#include "detail/pq.hpp"

#include <libland/error.hpp>

#include <libpq-fe.h>

#include <charconv>
#include <cstdio>
#include <cstring>
#include <regex>
#include <utility>

namespace libland::detail {

namespace {

// SQLSTATE classes and codes the store treats as a lost race or a refusal, not as broken input.
bool is_race(std::string_view state) {
    return state == "40001" /* serialization_failure */ || state == "40P01" /* deadlock_detected */ ||
           state == "23505" /* unique_violation */ || state == "55P03" /* lock_not_available */;
}

int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string first_line(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (const auto nl = text.find('\n'); nl != std::string::npos) text.resize(nl);
    return text;
}

}  // namespace

std::string redact_password(std::string_view conninfo) {
    std::string text(conninfo);
    // URI: scheme://user:password@host...
    static const std::regex userinfo(R"(^((?:postgres|postgresql)://[^:@/?#]*):[^@/?#]*@)", std::regex::icase);
    text = std::regex_replace(text, userinfo, "$1:***@");
    // URI query parameter or key=value form: password=secret (quoted or not).
    static const std::regex key_value(R"((^|[\s?&])(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]*))", std::regex::icase);
    return std::regex_replace(text, key_value, "$1$2***");
}

PgParams& PgParams::add(std::int64_t value) {
    values_.emplace_back(std::to_string(value));
    binary_.push_back(0);
    return *this;
}

PgParams& PgParams::add(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    values_.emplace_back(text);
    binary_.push_back(0);
    return *this;
}

PgParams& PgParams::add(std::string_view text) {
    values_.emplace_back(std::string(text));
    binary_.push_back(0);
    return *this;
}

PgParams& PgParams::add(const std::optional<std::string>& text) { return text ? add(*text) : add_null(); }

PgParams& PgParams::add_bytes(std::string_view bytes) {
    values_.emplace_back(std::string(bytes));
    binary_.push_back(1);
    return *this;
}

PgParams& PgParams::add_null() {
    values_.emplace_back(std::nullopt);
    binary_.push_back(0);
    return *this;
}

void PgArray::separate() {
    if (size_++ > 0) text_ += ',';
}

PgArray& PgArray::add(std::int64_t value) {
    separate();
    text_ += std::to_string(value);
    return *this;
}

PgArray& PgArray::add(double value) {
    separate();
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    text_ += text;
    return *this;
}

PgArray& PgArray::add(std::string_view text) {
    separate();
    text_ += '"';
    for (char c : text) {
        if (c == '"' || c == '\\') text_ += '\\';
        text_ += c;
    }
    text_ += '"';
    return *this;
}

PgArray& PgArray::add_null() {
    separate();
    text_ += "NULL";
    return *this;
}

PgResult::~PgResult() { PQclear(result_); }

PgResult& PgResult::operator=(PgResult&& other) noexcept {
    if (this != &other) {
        PQclear(result_);
        result_ = other.result_;
        other.result_ = nullptr;
    }
    return *this;
}

int PgResult::rows() const noexcept { return result_ == nullptr ? 0 : PQntuples(result_); }

std::int64_t PgResult::affected() const noexcept {
    const char* n = PQcmdTuples(result_);
    return n == nullptr || *n == '\0' ? 0 : std::strtoll(n, nullptr, 10);
}

bool PgResult::is_null(int row, int column) const noexcept { return PQgetisnull(result_, row, column) != 0; }

std::int64_t PgResult::integer(int row, int column) const {
    const char* text = PQgetvalue(result_, row, column);
    std::int64_t value = 0;
    std::from_chars(text, text + std::strlen(text), value);
    return value;
}

double PgResult::real(int row, int column) const {
    const char* text = PQgetvalue(result_, row, column);
    return std::strtod(text, nullptr);  // PostgreSQL writes the shortest text that reads back exactly
}

std::string PgResult::text(int row, int column) const {
    return std::string(PQgetvalue(result_, row, column), static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

std::string PgResult::bytes(int row, int column) const {
    const char* text = PQgetvalue(result_, row, column);
    const auto length = static_cast<std::size_t>(PQgetlength(result_, row, column));
    if (length < 2 || text[0] != '\\' || text[1] != 'x') {
        throw input_error("a bytea value is not in hex output (bytea_output must be 'hex')");
    }
    std::string out((length - 2) / 2, '\0');
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = static_cast<char>(hex_value(text[2 + 2 * i]) * 16 + hex_value(text[3 + 2 * i]));
    }
    return out;
}

PgConnection::PgConnection(const std::string& conninfo) : display_(redact_password(conninfo)) {
    conn_ = PQconnectdb(conninfo.c_str());
    if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
        const std::string why = conn_ == nullptr ? "out of memory" : first_line(PQerrorMessage(conn_));
        PQfinish(conn_);
        conn_ = nullptr;
        throw input_error(display_ + ": cannot connect to PostgreSQL: " + redact_password(why));
    }
    // Exact, predictable text: hex bytea, shortest exact floats, UTC, no notices on stderr.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    execute("SET bytea_output = 'hex'; SET extra_float_digits = 1; SET TIME ZONE 'UTC'; "
            "SET client_min_messages = warning; SET search_path = public");
}

PgConnection::~PgConnection() { PQfinish(conn_); }

PgConnection::PgConnection(PgConnection&& other) noexcept
    : conn_(other.conn_),
      display_(std::move(other.display_)),
      pending_begin_(other.pending_begin_),
      deferred_(std::move(other.deferred_)),
      transactions_(other.transactions_),
      unanswered_(other.unanswered_),
      statements_(std::move(other.statements_)) {
    other.conn_ = nullptr;
}

PgConnection& PgConnection::operator=(PgConnection&& other) noexcept {
    if (this != &other) {
        PQfinish(conn_);
        conn_ = other.conn_;
        display_ = std::move(other.display_);
        pending_begin_ = other.pending_begin_;
        deferred_ = std::move(other.deferred_);
        transactions_ = other.transactions_;
        unanswered_ = other.unanswered_;
        statements_ = std::move(other.statements_);
        other.conn_ = nullptr;
    }
    return *this;
}

void PgConnection::fail(pg_result* result, std::string_view what) {
    const char* state = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_SQLSTATE);
    const std::string code = state == nullptr ? std::string() : state;
    const char* primary = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    std::string message = primary != nullptr ? primary : first_line(PQerrorMessage(conn_));
    PQclear(result);
    message = display_ + ": " + std::string(what) + ": " + message;
    if (is_race(code)) throw usage_error(message);
    if (code == "42501") throw usage_error(message);  // insufficient_privilege
    throw input_error(message);
}

void PgConnection::begin(const char* begin_sql) {
    pending_begin_ = begin_sql;
    ++transactions_;
}

bool PgConnection::end_unstarted() noexcept {
    const bool unstarted = pending_begin_ != nullptr;
    pending_begin_ = nullptr;
    if (unstarted) deferred_.clear();
    return unstarted;
}

void PgConnection::defer(std::string sql, PgParams params, bool prepare) {
    deferred_.push_back(Deferred{std::move(sql), std::move(params), prepare});
}

namespace {

bool succeeded(pg_result* result) {
    const ExecStatusType status = PQresultStatus(result);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

// The parameters of a statement as libpq takes them (pointers into `params`).
struct Bound {
    explicit Bound(const std::vector<std::optional<std::string>>& params) {
        for (const auto& v : params) {
            values.push_back(v ? v->data() : nullptr);
            lengths.push_back(v ? static_cast<int>(v->size()) : 0);
        }
    }
    std::vector<const char*> values;
    std::vector<int> lengths;
};

}  // namespace

std::vector<PgResult> PgConnection::batch(const std::vector<PgStatement>& given) {
    settle();
    // The pending BEGIN and deferred statements first, then the given ones.
    std::vector<PgStatement> statements;
    for (const Deferred& d : deferred_) statements.push_back({d.sql, d.params, d.prepare});
    for (const PgStatement& g : given) statements.push_back(g);
    // Prepared first (a round trip each, once per connection): preparing is not part of a
    // transaction, and a failure to prepare leaves the pending statements pending.
    std::vector<const std::string*> names;
    for (const PgStatement& s : statements) {
        names.push_back(s.prepare ? &statement(s.sql, static_cast<int>(s.params.size())) : nullptr);
    }
    const char* begin_sql = std::exchange(pending_begin_, nullptr);
    const std::vector<Deferred> deferred = std::move(deferred_);  // `statements` still refers to them
    deferred_.clear();
    const std::size_t ahead = (begin_sql != nullptr ? 1 : 0) + deferred.size();
    if (PQenterPipelineMode(conn_) != 1) fail(nullptr, "cannot send statements together");
    bool sent = begin_sql == nullptr ||
                PQsendQueryParams(conn_, begin_sql, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
    for (std::size_t i = 0; sent && i < statements.size(); ++i) {
        const PgParams& params = statements[i].params;
        const Bound bound(params.values_);
        const auto size = static_cast<int>(bound.values.size());
        sent = names[i] != nullptr
                   ? PQsendQueryPrepared(conn_, names[i]->c_str(), size, bound.values.data(), bound.lengths.data(),
                                         params.binary_.data(), 0) == 1
                   : PQsendQueryParams(conn_, statements[i].sql.c_str(), size, nullptr, bound.values.data(),
                                       bound.lengths.data(), params.binary_.data(), 0) == 1;
    }
    sent = sent && PQpipelineSync(conn_) == 1;
    // Every answer up to the pipeline's end is read, so that the connection is usable again
    // whatever failed: one result per statement (each followed by a null), then the sync.
    std::vector<PgResult> results;
    for (int nulls = 0; sent && nulls < 2;) {  // two nulls in a row: nothing more will come
        pg_result* r = PQgetResult(conn_);
        nulls = r == nullptr ? nulls + 1 : 0;
        if (r == nullptr) continue;
        if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
            PQclear(r);
            break;
        }
        results.emplace_back(r);
    }
    PQexitPipelineMode(conn_);
    if (!sent || results.size() != (begin_sql != nullptr ? 1 : 0) + statements.size()) fail(nullptr, "SQL failed");
    for (PgResult& r : results) {
        if (!succeeded(r.result_)) fail(std::exchange(r.result_, nullptr), "SQL failed");
    }
    results.erase(results.begin(), results.begin() + static_cast<std::ptrdiff_t>(ahead));
    return results;
}

PgResult PgConnection::run(const PgStatement& s) {
    settle();
    if (pending_begin_ != nullptr || !deferred_.empty()) return std::move(batch({s}).front());
    const Bound bound(s.params.values_);
    const auto size = static_cast<int>(bound.values.size());
    pg_result* result =
        s.prepare ? PQexecPrepared(conn_, statement(s.sql, size).c_str(), size, bound.values.data(),
                                   bound.lengths.data(), s.params.binary_.data(), 0)
                  : PQexecParams(conn_, s.sql.c_str(), size, nullptr, bound.values.data(), bound.lengths.data(),
                                 s.params.binary_.data(), 0);
    if (!succeeded(result)) fail(result, "SQL failed");
    return PgResult(result);
}

void PgConnection::send_unanswered(const char* sql) noexcept {
    settle();
    unanswered_ = PQsendQuery(conn_, sql) == 1;  // a connection that cannot send fails its next use
}

void PgConnection::settle() noexcept {
    if (!unanswered_) return;
    unanswered_ = false;
    while (pg_result* r = PQgetResult(conn_)) PQclear(r);
}

void PgConnection::execute(const char* sql) {
    settle();
    if (!deferred_.empty()) (void)batch({});  // statements with values go first, on their own
    // Several statements in one simple query run in one round trip: the BEGIN goes in front.
    const std::string with_begin_sql = pending_begin_ != nullptr ? std::string(pending_begin_) + "; " + sql : sql;
    pending_begin_ = nullptr;
    pg_result* result = PQexec(conn_, with_begin_sql.c_str());
    if (!succeeded(result)) fail(result, "SQL failed");
    PQclear(result);
}

PgResult PgConnection::query(const std::string& sql, const PgParams& params) { return run({sql, params, false}); }

const std::string& PgConnection::statement(const std::string& sql, int parameters) {
    auto found = statements_.find(sql);
    if (found == statements_.end()) {
        // A prepared statement belongs to the session, not to the transaction: a rollback keeps
        // it, and preparing it before a pending BEGIN is sent changes nothing.
        const std::string name = "land_" + std::to_string(statements_.size() + 1);
        pg_result* made = PQprepare(conn_, name.c_str(), sql.c_str(), parameters, nullptr);
        if (PQresultStatus(made) != PGRES_COMMAND_OK) fail(made, "SQL failed");
        PQclear(made);
        found = statements_.emplace(sql, name).first;
    }
    return found->second;
}

PgResult PgConnection::prepared(const std::string& sql, const PgParams& params) { return run({sql, params, true}); }

bool PgConnection::in_transaction() const noexcept {
    // An unanswered statement is a read transaction's COMMIT: that transaction is over.
    return pending_begin_ != nullptr || (!unanswered_ && PQtransactionStatus(conn_) != PQTRANS_IDLE);
}

bool PgConnection::aborted() const noexcept { return !unanswered_ && PQtransactionStatus(conn_) == PQTRANS_INERROR; }

PgTransaction::PgTransaction(PgConnection& db) : db_(db) { db_.begin("BEGIN"); }

PgTransaction::~PgTransaction() {
    if (done_ || db_.end_unstarted()) return;
    try {
        db_.execute("ROLLBACK");
    } catch (...) {  // a destructor never throws; the server rolls back a broken connection anyway
    }
}

void PgTransaction::commit() {
    // COMMIT of a transaction a failed statement aborted would roll back silently.
    if (db_.aborted()) throw input_error(db_.display() + ": the transaction failed; nothing written");
    if (!db_.end_unstarted()) db_.execute("COMMIT");
    done_ = true;
}

PgReadScope::PgReadScope(PgConnection& db) : db_(db) {
    if (db_.in_transaction()) return;
    db_.begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    owns_ = true;
}

PgReadScope::~PgReadScope() {
    // A read-only transaction has nothing to lose: its COMMIT is not waited for.
    if (owns_ && !db_.end_unstarted()) db_.send_unanswered("COMMIT");
}

}  // namespace libland::detail
