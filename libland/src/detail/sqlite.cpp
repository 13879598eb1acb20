#include "detail/sqlite.hpp"

#include <libland/error.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <string>
#include <utility>

namespace libland::detail {

namespace {

// A writer waits this long for another writer before giving up with a clear message.
constexpr int busy_timeout_ms = 5000;

// SQLite counts every allocation of every connection under one process-wide mutex unless told
// not to, before its first use: readers on several threads then queue on that mutex for each
// page they touch (landd's small pages ran 40 % faster without it). Nothing here reads the
// counts; connections bound their caches one by one (Database::limit_cache). Told when the
// library is loaded; no effect if the process used SQLite before (sqlite3_config refuses then).
[[maybe_unused]] const bool allocations_uncounted = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;

bool is_busy(int rc) noexcept {
    const int primary = rc & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

}  // namespace

Database::Database(const std::string& path, Mode mode)
    : path_(path), read_only_(mode == Mode::open_read_only) {
    const bool exists = std::filesystem::exists(path);
    if (mode != Mode::create_new && !exists) {
        throw input_error(path + ": no such land database");
    }
    if (mode == Mode::create_new && exists) {
        throw input_error(path + ": already exists; a new land database needs a new file");
    }
    // An empty file would open as an empty database; other files are checked once opened. The
    // file is never read outside SQLite: closing any other descriptor of it would drop this
    // process's locks on it, and another process could then checkpoint under our readers.
    if (mode != Mode::create_new && std::filesystem::file_size(path) == 0) {
        throw input_error(path + ": not a land database (an empty file)");
    }
    const int access = read_only_ ? SQLITE_OPEN_READONLY
                                  : SQLITE_OPEN_READWRITE | (mode == Mode::create_new ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &db_, access | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw input_error(path + ": cannot open (" + reason + ")");
    }
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    if (mode != Mode::create_new) {
        // Reads the header: a file that is not SQLite answers SQLITE_NOTADB, before any -wal or
        // -shm file is made beside it.
        rc = sqlite3_exec(db_, "PRAGMA schema_version", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            const bool not_sqlite = (rc & 0xff) == SQLITE_NOTADB;
            const std::string reason = sqlite3_errmsg(db_);
            sqlite3_close(db_);
            db_ = nullptr;
            throw input_error(path + (not_sqlite ? ": not a land database (not an SQLite file)"
                                                 : ": cannot open (" + reason + ")"));
        }
    }
    sqlite3_enable_load_extension(db_, 1);
    char* message = nullptr;
    rc = sqlite3_load_extension(db_, "mod_spatialite", nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string reason = message != nullptr ? message : "unknown reason";
        sqlite3_free(message);
        sqlite3_close(db_);
        db_ = nullptr;
        throw input_error(path + ": cannot load SpatiaLite (mod_spatialite): " + reason);
    }
    sqlite3_enable_load_extension(db_, 0);
    // Settings of this connection only; nothing here writes to the file.
    // A commit of a whole survey rewrites index pages many times: keep them in memory (up to
    // 256 MiB) instead of spilling each change to the WAL file.
    execute("PRAGMA cache_size=-262144");
    execute("PRAGMA temp_store=MEMORY");
    execute("PRAGMA foreign_keys=ON");
    if (mode == Mode::create_new) prepare_for_writes();
}

void Database::limit_cache(std::size_t bytes) {
    const std::size_t kib = std::max<std::size_t>(bytes / 1024, 1);
    execute(("PRAGMA cache_size=-" + std::to_string(kib)).c_str());
}

void Database::prepare_for_writes() {
    if (read_only_) return;
    execute("PRAGMA journal_mode=WAL");
    // An acknowledged commit survives a power failure: WAL is synced at every commit (NORMAL
    // would sync only at checkpoints). bench/store_bench measures the cost.
    execute("PRAGMA synchronous=FULL");
    // After a large commit has been checkpointed, shrink the WAL file back instead of keeping it.
    execute("PRAGMA journal_size_limit=67108864");
}

Database::~Database() {
    finalize_kept();
    if (db_ != nullptr) {
        sqlite3_close_v2(db_);
    }
}

Database::Database(Database&& other) noexcept
    : path_(std::move(other.path_)),
      db_(std::exchange(other.db_, nullptr)),
      read_only_(other.read_only_),
      kept_(std::move(other.kept_)) {
    other.kept_.clear();
}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        finalize_kept();
        if (db_ != nullptr) sqlite3_close_v2(db_);
        path_ = std::move(other.path_);
        db_ = std::exchange(other.db_, nullptr);
        read_only_ = other.read_only_;
        kept_ = std::move(other.kept_);
        other.kept_.clear();
    }
    return *this;
}

sqlite3_stmt* Database::take_prepared(const char* sql) {
    if (auto it = kept_.find(sql); it != kept_.end()) {
        sqlite3_stmt* stmt = it->second;
        kept_.erase(it);
        return stmt;
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        fail(rc, std::string("cannot prepare: ") + sql);
    }
    return stmt;
}

void Database::keep_prepared(sqlite3_stmt* stmt) noexcept {
    if (stmt == nullptr) return;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    const char* sql = sqlite3_sql(stmt);
    if (sql == nullptr || kept_.size() >= kept_statements) {
        sqlite3_finalize(stmt);
        return;
    }
    try {
        kept_.emplace(sql, stmt);
    } catch (...) {
        sqlite3_finalize(stmt);
    }
}

void Database::finalize_kept() noexcept {
    for (auto& [sql, stmt] : kept_) sqlite3_finalize(stmt);
    kept_.clear();
}

void Database::execute(const char* sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string reason = message != nullptr ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        if (is_busy(rc)) fail(rc, reason);
        throw input_error(path_ + ": " + reason);
    }
}

std::int64_t Database::last_insert_id() const noexcept { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const noexcept { return sqlite3_changes(db_); }

std::int64_t Database::total_changes() const noexcept { return sqlite3_total_changes64(db_); }

void Database::fail(int rc, std::string_view what) const {
    if (is_busy(rc)) {
        throw error(path_ + ": database is busy: another writer is committing; try again later");
    }
    const char* reason = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    throw input_error(path_ + ": " + std::string(what) + " (" + reason + ")");
}

Statement::Statement(Database& db, const char* sql) : db_(&db), stmt_(db.take_prepared(sql)) {}

Statement::~Statement() { db_->keep_prepared(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string sql = sqlite3_sql(stmt_);
    sqlite3_reset(stmt_);
    db_->fail(rc, "cannot run: " + sql);
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() noexcept {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const noexcept {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const noexcept { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const noexcept { return sqlite3_column_double(stmt_, column); }

std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p != nullptr ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                        : std::string();
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

std::string_view Statement::blob(int column) const noexcept {
    const void* p = sqlite3_column_blob(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return p != nullptr ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(n))
                        : std::string_view();
}

Transaction::Transaction(Database& db) : db_(db) { db_.execute("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!done_) {
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    db_.execute("COMMIT");
    done_ = true;
}

// BEGIN and COMMIT go through the connection's kept statements: a page of a service opens a few
// read scopes, and parsing their text each time was a tenth of a small page's cost.
ReadScope::ReadScope(Database& db) : db_(db) {
    if (sqlite3_get_autocommit(db_.handle()) != 0) {
        Statement(db_, "BEGIN").run();
    } else {
        owns_ = false;
    }
}

ReadScope::~ReadScope() {
    if (!owns_) return;
    try {
        Statement(db_, "COMMIT").run();
    } catch (...) {  // ending a read loses nothing; a destructor must not throw
    }
}

}  // namespace libland::detail
