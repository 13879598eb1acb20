#pragma once
// RAII around the SQLite C API with SpatiaLite loaded. Private: never included by public headers.
// Every value reaches SQL through bind(); SQL text is always a constant.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace libland::detail {

// One connection to a SpatiaLite database file. Move-only; closes on destruction.
class Database {
public:
    // open_read_only: SQLITE_OPEN_READONLY; the file is never written, its journal mode never
    // changed (readers of land log, export, landd's reads).
    enum class Mode { open_existing, create_new, open_read_only };

    // Opens (or creates) the file and loads mod_spatialite, with a bounded busy wait. An existing
    // file is only read here: call prepare_for_writes() once it is known to be a land database.
    // A new file is prepared for writes at once.
    // Throws input_error naming the path when it cannot be opened or is not an SQLite file.
    Database(const std::string& path, Mode mode);

    // Switches the file to WAL and makes every commit durable once acknowledged
    // (synchronous=FULL). Does nothing on a read-only connection.
    void prepare_for_writes();
    [[nodiscard]] bool read_only() const noexcept { return read_only_; }
    ~Database();
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs SQL without parameters (schema statements, pragmas). Throws input_error.
    void execute(const char* sql);
    // Keeps at most `bytes` (at least one page) of the file's pages in this connection's cache;
    // 256 MiB until called.
    void limit_cache(std::size_t bytes);

    [[nodiscard]] std::int64_t last_insert_id() const noexcept;
    // Returns the number of rows the last INSERT/UPDATE/DELETE touched.
    [[nodiscard]] int changes() const noexcept;
    // Returns the number of rows changed on this connection since it opened (rolled back or not).
    [[nodiscard]] std::int64_t total_changes() const noexcept;
    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    [[nodiscard]] sqlite3* handle() const noexcept { return db_; }

    // Throws the libland error matching SQLite's result code `rc`: a busy database becomes
    // "database is busy: another writer ...", everything else an input_error with SQLite's text.
    [[noreturn]] void fail(int rc, std::string_view what) const;

private:
    friend class Statement;
    // Prepared statements kept for reuse, by SQL text: a statement taken out is in no one
    // else's hands (a nested use of the same text prepares another). At most kept_statements
    // texts are kept; all are finalized before the connection closes.
    static constexpr std::size_t kept_statements = 128;
    [[nodiscard]] sqlite3_stmt* take_prepared(const char* sql);
    void keep_prepared(sqlite3_stmt* stmt) noexcept;
    void finalize_kept() noexcept;

    std::string path_;
    sqlite3* db_ = nullptr;
    bool read_only_ = false;
    std::unordered_multimap<std::string, sqlite3_stmt*> kept_;
};

// A prepared statement. Bind parameters are 1-based; columns 0-based. Move-only. Its SQL is
// prepared once per connection: on destruction the statement is reset, its bindings cleared, and
// kept by the Database for the next Statement of the same text.
class Statement {
public:
    Statement(Database& db, const char* sql);
    ~Statement();
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind_blob(int index, std::string_view bytes);
    Statement& bind_null(int index);
    // Binds the text, or NULL when absent.
    Statement& bind(int index, const std::optional<std::string>& text);

    // Advances to the next row. Returns false when there are no more rows.
    bool step();
    // Runs a statement that returns no rows (INSERT/UPDATE). Resets it for the next use.
    void run();
    // Makes the statement ready to run again; bindings are cleared.
    void reset() noexcept;

    [[nodiscard]] bool is_null(int column) const noexcept;
    [[nodiscard]] std::int64_t integer(int column) const noexcept;
    [[nodiscard]] double real(int column) const noexcept;
    [[nodiscard]] std::string text(int column) const;
    // Returns the column's text, or nothing when it is NULL.
    [[nodiscard]] std::optional<std::string> optional_text(int column) const;
    [[nodiscard]] std::string_view blob(int column) const noexcept;

private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction: holds the write lock (waiting at most the busy timeout, then
// throwing "database is busy"). Rolls back on destruction unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& db_;
    bool done_ = false;
};

// A read transaction (BEGIN DEFERRED): every query inside it sees the same committed state, even
// while a writer commits (WAL). Ends on destruction. Inside an open Transaction it does nothing.
class ReadScope {
public:
    explicit ReadScope(Database& db);
    ~ReadScope();
    ReadScope(const ReadScope&) = delete;
    ReadScope& operator=(const ReadScope&) = delete;

private:
    Database& db_;
    bool owns_ = true;  // false inside a Transaction already open on the connection
};

}  // namespace libland::detail
