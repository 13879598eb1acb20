#pragma once
// RAII around libpq (PostgreSQL's C client). Private: never included by public headers. Every
// value reaches SQL as a bound parameter ($1, $2 ...); SQL text is always a constant or built from
// constant fragments.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace libland::detail {

// Returns the connection string with its password replaced by "***": in a URI
// (postgresql://user:secret@host/db, or ?password=secret) and in key=value form
// (password=secret). Everything else is kept, so the text still names the database.
[[nodiscard]] std::string redact_password(std::string_view conninfo);

// Values for $1..$n. Text travels in libpq's text format (the server infers the type from the
// statement); byte strings travel in binary format as bytea.
class PgParams {
public:
    PgParams& add(std::int64_t value);
    PgParams& add(int value) { return add(static_cast<std::int64_t>(value)); }
    PgParams& add(double value);
    PgParams& add(std::string_view text);
    PgParams& add(const char* text) { return add(std::string_view(text)); }
    PgParams& add(const std::string& text) { return add(std::string_view(text)); }
    PgParams& add(const std::optional<std::string>& text);
    PgParams& add_bytes(std::string_view bytes);
    PgParams& add_null();
    [[nodiscard]] std::size_t size() const noexcept { return values_.size(); }

private:
    friend class PgConnection;
    std::vector<std::optional<std::string>> values_;
    std::vector<int> binary_;
};

// The text of a PostgreSQL array literal ({1,NULL,"a b"}), bound as one parameter and read with a
// cast ($1::bigint[]), so that one statement writes many rows (INSERT ... SELECT FROM unnest).
class PgArray {
public:
    PgArray& add(std::int64_t value);
    PgArray& add(double value);
    PgArray& add(std::string_view text);  // quoted: any text
    PgArray& add_null();
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    // Returns the literal.
    [[nodiscard]] std::string text() const { return text_ + "}"; }

private:
    void separate();
    std::string text_ = "{";
    std::size_t size_ = 0;
};

// The rows of one statement. Move-only; frees the PGresult on destruction. Columns are 0-based;
// values are read as text (the server's output) and converted.
class PgResult {
public:
    explicit PgResult(pg_result* result) noexcept : result_(result) {}
    ~PgResult();
    PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
    PgResult& operator=(PgResult&& other) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;

    [[nodiscard]] int rows() const noexcept;
    // Returns the number of rows an INSERT/UPDATE/DELETE touched.
    [[nodiscard]] std::int64_t affected() const noexcept;
    [[nodiscard]] bool is_null(int row, int column) const noexcept;
    [[nodiscard]] std::int64_t integer(int row, int column) const;
    [[nodiscard]] double real(int row, int column) const;
    [[nodiscard]] std::string text(int row, int column) const;
    // Decodes a bytea column (hex output) into its bytes.
    [[nodiscard]] std::string bytes(int row, int column) const;

private:
    friend class PgConnection;
    pg_result* result_ = nullptr;
};

// One row of a PgResult, read with the same calls as a SQLite statement's current row, so that
// code reading rows can serve both backends.
class PgRow {
public:
    PgRow(const PgResult& result, int row) noexcept : result_(&result), row_(row) {}
    [[nodiscard]] bool is_null(int column) const noexcept { return result_->is_null(row_, column); }
    [[nodiscard]] std::int64_t integer(int column) const { return result_->integer(row_, column); }
    [[nodiscard]] double real(int column) const { return result_->real(row_, column); }
    [[nodiscard]] std::string text(int column) const { return result_->text(row_, column); }

private:
    const PgResult* result_;
    int row_;
};

// One statement of PgConnection::batch(): its SQL and values (referred to, not copied), and
// whether it is prepared (as PgConnection::prepared()) or parsed each time (as query()).
struct PgStatement {
    const std::string& sql;
    const PgParams& params;
    bool prepare = false;
};

// One connection to a PostgreSQL database. Move-only; closes on destruction.
class PgConnection {
public:
    // Connects with a libpq connection string (URI or key=value). Throws input_error naming the
    // database (password redacted) with the server's reason when it cannot connect.
    explicit PgConnection(const std::string& conninfo);
    ~PgConnection();
    PgConnection(PgConnection&& other) noexcept;
    PgConnection& operator=(PgConnection&& other) noexcept;
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Opens a transaction with `begin_sql` ("BEGIN ...", a string literal: it is kept, not
    // copied), sent together with the transaction's first statement: one round trip fewer per
    // transaction. A transaction ended before any statement ran never reaches the server
    // (end_unstarted()).
    void begin(const char* begin_sql);
    // Returns whether begin() is still waiting for its first statement, and forgets it (and any
    // deferred statement): the transaction ends before it started (nothing was read or written).
    bool end_unstarted() noexcept;
    // Sends a statement inside the open transaction together with the next one (one round trip
    // fewer), whose answer waits for it: for a statement whose answer is only success, such as
    // taking a lock before reading what the lock protects. Its failure is thrown by the next
    // statement's call, and aborts the transaction as it would have.
    void defer(std::string sql, PgParams params, bool prepare);

    // Runs SQL without parameters (several statements allowed). Throws on failure (see fail()).
    void execute(const char* sql);
    // Sends SQL without parameters and does not wait for its answer: the next use of the
    // connection reads and drops it. For ending a read-only transaction, whose COMMIT has
    // nothing to report; the server runs it at once, so no snapshot is held meanwhile.
    void send_unanswered(const char* sql) noexcept;
    // Runs one statement with bound parameters and returns its rows.
    PgResult query(const std::string& sql, const PgParams& params = {});
    // As query(), for a statement run again and again (the writes' statements): the server parses
    // it once per connection and may keep its plan. `sql` must be one of a few constant texts.
    PgResult prepared(const std::string& sql, const PgParams& params = {});

    // Runs statements that do not depend on each other's answers in one round trip (libpq's
    // pipeline mode) and returns their rows in order. Throws for the first that fails (as query());
    // inside a transaction, that failure aborts it, as it would one statement after the other.
    std::vector<PgResult> batch(const std::vector<PgStatement>& statements);

    // The connection string with the password redacted: what messages name.
    [[nodiscard]] const std::string& display() const noexcept { return display_; }
    [[nodiscard]] bool in_transaction() const noexcept;
    // Numbers the transactions begin() opens: what is read inside one transaction may be kept
    // for as long as this number stays the same and in_transaction() holds.
    [[nodiscard]] std::uint64_t transaction_number() const noexcept { return transactions_; }
    // Returns whether the open transaction failed (only a rollback can end it).
    [[nodiscard]] bool aborted() const noexcept;

private:
    // Throws the libland error for a failed statement: a usage_error for a lost race (a
    // serialization failure, a deadlock, a unique violation) and a permission error, else an
    // input_error, each naming the database and giving the server's message.
    [[noreturn]] void fail(pg_result* result, std::string_view what);
    // Runs one statement at once (libpq's synchronous calls), or in a batch when a BEGIN or a
    // deferred statement is pending, so that they travel with it.
    PgResult run(const PgStatement& statement);
    // Reads and drops the answer send_unanswered() left, if any.
    void settle() noexcept;
    // Returns the name of the prepared statement of `sql`, preparing it the first time.
    const std::string& statement(const std::string& sql, int parameters);

    pg_conn* conn_ = nullptr;
    std::string display_;
    const char* pending_begin_ = nullptr;  // begin()'s text, until the first statement sends it
    struct Deferred {
        std::string sql;
        PgParams params;
        bool prepare;
    };
    std::vector<Deferred> deferred_;       // defer()'s statements, sent after the BEGIN
    std::uint64_t transactions_ = 0;       // begin() calls
    bool unanswered_ = false;              // send_unanswered()'s answer is still to be read
    std::unordered_map<std::string, std::string> statements_;  // SQL text -> prepared statement name
};

// BEGIN on construction; ROLLBACK on destruction unless commit() succeeded.
class PgTransaction {
public:
    explicit PgTransaction(PgConnection& db);
    ~PgTransaction();
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;

    void commit();

private:
    PgConnection& db_;
    bool done_ = false;
};

// A read transaction (REPEATABLE READ, READ ONLY): every query inside it sees the same committed
// state. Inside an open transaction it does nothing. Ends on destruction.
class PgReadScope {
public:
    explicit PgReadScope(PgConnection& db);
    ~PgReadScope();
    PgReadScope(const PgReadScope&) = delete;
    PgReadScope& operator=(const PgReadScope&) = delete;

private:
    PgConnection& db_;
    bool owns_ = false;
};

}  // namespace libland::detail
