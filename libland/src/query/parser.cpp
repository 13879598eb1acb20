// A recursive-descent parser of CQL2 text into the syntax tree of ast.hpp:
//   or      := and (OR and)*
//   and     := not (AND not)*
//   not     := NOT not | primary
//   primary := '(' or ')' | S_INTERSECTS(...) | S_DWITHIN(...) | TRUE | FALSE | predicate
//   predicate := scalar (op scalar | [NOT] LIKE scalar | [NOT] IN (scalar, ...)
//                        | [NOT] BETWEEN scalar AND scalar | IS [NOT] NULL)
//   scalar  := property | 'text' | number | TRUE | FALSE | CASEI(scalar) | ACCENTI(scalar)
//              | DATE('...') | TIMESTAMP('...')
#include "query/ast.hpp"
#include "query/lexer.hpp"

#include <libland/error.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace libland::query {

namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    return text;
}

bool is_keyword(const std::string& upper_word) {
    static const char* const keywords[] = {"AND", "OR", "NOT", "LIKE", "IN", "BETWEEN", "IS", "NULL", "TRUE", "FALSE"};
    return std::any_of(std::begin(keywords), std::end(keywords), [&](const char* k) { return upper_word == k; });
}

NodePtr make(Node::Kind kind) {
    auto node = std::make_unique<Node>();
    node->kind = kind;
    return node;
}

std::string number_text(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.15g", value);
    return text;
}

class Parser {
public:
    explicit Parser(const std::string& text) : tokens_(tokenize(text)) {}

    NodePtr parse() {
        NodePtr tree = disjunction();
        if (peek().kind != Token::Kind::end) fail("expected the end of the filter or AND/OR");
        return tree;
    }

private:
    const Token& peek() const { return tokens_[at_]; }
    const Token& take() { return tokens_[at_ < tokens_.size() - 1 ? at_++ : at_]; }

    [[noreturn]] void fail(const std::string& what) const {
        const Token& t = peek();
        const std::string found = t.kind == Token::Kind::end ? "the end" : "'" + t.text + "'";
        throw usage_error("filter: " + what + ", found " + found + " at character " + std::to_string(t.position));
    }

    bool at_word(const char* keyword) const {
        return peek().kind == Token::Kind::word && upper(peek().text) == keyword;
    }
    bool accept_word(const char* keyword) {
        if (!at_word(keyword)) return false;
        take();
        return true;
    }
    bool at_symbol(const char* symbol) const { return peek().kind == Token::Kind::symbol && peek().text == symbol; }
    bool accept_symbol(const char* symbol) {
        if (!at_symbol(symbol)) return false;
        take();
        return true;
    }
    void expect_symbol(const char* symbol) {
        if (!accept_symbol(symbol)) fail(std::string("expected '") + symbol + "'");
    }
    double expect_number() {
        if (peek().kind != Token::Kind::number) fail("expected a number");
        return take().number;
    }

    NodePtr disjunction() {
        NodePtr first = conjunction();
        if (!at_word("OR")) return first;
        NodePtr any = make(Node::Kind::any_of);
        any->children.push_back(std::move(first));
        while (accept_word("OR")) any->children.push_back(conjunction());
        return any;
    }

    NodePtr conjunction() {
        NodePtr first = negation();
        if (!at_word("AND")) return first;
        NodePtr all = make(Node::Kind::all_of);
        all->children.push_back(std::move(first));
        while (accept_word("AND")) all->children.push_back(negation());
        return all;
    }

    // Bounds the nesting of parentheses and NOTs, so that a hostile filter cannot exhaust the stack.
    struct Depth {
        explicit Depth(Parser& p) : parser(p) {
            if (++parser.depth_ > max_depth) parser.fail("the filter nests deeper than 64 levels");
        }
        ~Depth() { --parser.depth_; }
        Parser& parser;
    };
    static constexpr int max_depth = 64;

    NodePtr negation() {
        const Depth depth(*this);
        if (!accept_word("NOT")) return primary();
        NodePtr node = make(Node::Kind::negation);
        node->children.push_back(negation());
        return node;
    }

    NodePtr primary() {
        if (accept_symbol("(")) {
            NodePtr inner = disjunction();
            expect_symbol(")");
            return inner;
        }
        if (at_word("S_INTERSECTS") || at_word("S_DWITHIN")) return spatial();
        return predicate();
    }

    NodePtr spatial() {
        const bool distance = upper(take().text) == "S_DWITHIN";
        NodePtr node = make(distance ? Node::Kind::within_distance : Node::Kind::intersects);
        expect_symbol("(");
        node->children.push_back(property());
        expect_symbol(",");
        node->children.push_back(geometry_literal());
        if (distance) {
            if (node->children.back()->text.rfind("POINT(", 0) != 0) fail("S_DWITHIN takes a POINT");
            expect_symbol(",");
            node->number = expect_number();
            if (node->number < 0) fail("S_DWITHIN needs a distance of at least 0 metres");
        }
        expect_symbol(")");
        return node;
    }

    NodePtr property() {
        const Token& t = peek();
        if (t.kind == Token::Kind::quoted_name || (t.kind == Token::Kind::word && !is_keyword(upper(t.text)))) {
            NodePtr node = make(Node::Kind::property);
            node->text = take().text;
            return node;
        }
        fail("expected a property name");
    }

    // "x y" pairs separated by commas, appended to the WKT text.
    void coordinates(std::string& wkt) {
        do {
            const double x = expect_number();
            const double y = expect_number();
            if (wkt.back() != '(') wkt += ',';
            wkt += number_text(x) + ' ' + number_text(y);
        } while (accept_symbol(","));
    }

    void ring_list(std::string& wkt) {
        expect_symbol("(");
        wkt += '(';
        do {
            if (wkt.back() != '(') wkt += ',';
            expect_symbol("(");
            wkt += '(';
            coordinates(wkt);
            expect_symbol(")");
            wkt += ')';
        } while (accept_symbol(","));
        expect_symbol(")");
        wkt += ')';
    }

    NodePtr geometry_literal() {
        if (peek().kind != Token::Kind::word) fail("expected a geometry (POINT, LINESTRING, POLYGON or BBOX)");
        const std::string type = upper(take().text);
        NodePtr node = make(Node::Kind::geometry);
        std::string wkt = type + "(";
        if (type == "POINT" || type == "LINESTRING") {
            expect_symbol("(");
            coordinates(wkt);
            expect_symbol(")");
            if (type == "POINT" && wkt.find(',') != std::string::npos) fail("a POINT has one x y pair");
            wkt += ')';
        } else if (type == "POLYGON") {
            wkt.pop_back();
            ring_list(wkt);
        } else if (type == "BBOX" || type == "ENVELOPE") {
            expect_symbol("(");
            double v[4];
            for (int i = 0; i < 4; ++i) {
                if (i > 0) expect_symbol(",");
                v[i] = expect_number();
            }
            expect_symbol(")");
            if (v[0] > v[2] || v[1] > v[3]) fail("a BBOX is minLon, minLat, maxLon, maxLat");
            const std::string x0 = number_text(v[0]), y0 = number_text(v[1]), x1 = number_text(v[2]),
                              y1 = number_text(v[3]);
            wkt = "POLYGON((" + x0 + ' ' + y0 + ',' + x1 + ' ' + y0 + ',' + x1 + ' ' + y1 + ',' + x0 + ' ' + y1 +
                  ',' + x0 + ' ' + y0 + "))";
        } else {
            fail("expected a geometry (POINT, LINESTRING, POLYGON or BBOX)");
        }
        node->text = std::move(wkt);
        return node;
    }

    NodePtr scalar() {
        const Token& t = peek();
        if (t.kind == Token::Kind::text) {
            NodePtr node = make(Node::Kind::text);
            node->text = take().text;
            return node;
        }
        if (t.kind == Token::Kind::number) {
            NodePtr node = make(Node::Kind::number);
            node->number = take().number;
            return node;
        }
        if (at_word("TRUE") || at_word("FALSE")) {
            NodePtr node = make(Node::Kind::boolean);
            node->number = upper(take().text) == "TRUE" ? 1 : 0;
            return node;
        }
        if (at_word("CASEI") || at_word("ACCENTI")) {
            const Depth depth(*this);
            NodePtr node = make(Node::Kind::fold);
            node->op = upper(take().text) == "CASEI" ? "casei" : "accenti";
            expect_symbol("(");
            node->children.push_back(scalar());
            expect_symbol(")");
            return node;
        }
        if (at_word("DATE") || at_word("TIMESTAMP")) {
            take();
            expect_symbol("(");
            if (peek().kind != Token::Kind::text) fail("expected a quoted date");
            NodePtr node = make(Node::Kind::text);
            node->text = take().text;
            expect_symbol(")");
            return node;
        }
        return property();
    }

    NodePtr predicate() {
        NodePtr left = scalar();
        static const char* const operators[] = {"=", "<>", "!=", "<", "<=", ">", ">="};
        for (const char* op : operators) {
            if (accept_symbol(op)) {
                NodePtr node = make(Node::Kind::comparison);
                node->op = std::string(op) == "!=" ? "<>" : op;
                node->children.push_back(std::move(left));
                node->children.push_back(scalar());
                return node;
            }
        }
        if (accept_word("IS")) {
            const bool negated = accept_word("NOT");
            if (!accept_word("NULL")) fail("expected NULL after IS");
            NodePtr node = make(Node::Kind::is_null);
            node->children.push_back(std::move(left));
            return negated ? negate(std::move(node)) : std::move(node);
        }
        const bool negated = accept_word("NOT");
        NodePtr node;
        if (accept_word("LIKE")) {
            node = make(Node::Kind::like);
            node->children.push_back(std::move(left));
            node->children.push_back(scalar());
        } else if (accept_word("IN")) {
            node = make(Node::Kind::in_list);
            node->children.push_back(std::move(left));
            expect_symbol("(");
            do node->children.push_back(scalar());
            while (accept_symbol(","));
            expect_symbol(")");
        } else if (accept_word("BETWEEN")) {
            node = make(Node::Kind::between);
            node->children.push_back(std::move(left));
            node->children.push_back(scalar());
            if (!accept_word("AND")) fail("expected AND in BETWEEN");
            node->children.push_back(scalar());
        } else {
            fail("expected a comparison (=, <>, <, <=, >, >=, LIKE, IN, BETWEEN, IS NULL)");
        }
        return negated ? negate(std::move(node)) : std::move(node);
    }

    static NodePtr negate(NodePtr inner) {
        NodePtr node = make(Node::Kind::negation);
        node->children.push_back(std::move(inner));
        return node;
    }

    std::vector<Token> tokens_;
    std::size_t at_ = 0;
    int depth_ = 0;
};

void collect(const Node& node, std::vector<std::string>& out) {
    if (node.kind == Node::Kind::property) out.push_back(node.text);
    for (const NodePtr& child : node.children) collect(*child, out);
}

}  // namespace

NodePtr parse_cql2(const std::string& text) { return Parser(text).parse(); }

std::vector<std::string> properties_named(const Node& node) {
    std::vector<std::string> out;
    collect(node, out);
    return out;
}

}  // namespace libland::query
