// /collections/{id}/queryables: the properties a filter may name, as a JSON Schema (OGC API -
// Features Part 3). Private fields are listed only for clients that may read them.
#include "collections.hpp"
#include "http.hpp"
#include "item_query.hpp"
#include "items.hpp"
#include "links.hpp"

namespace landd {

namespace {

using json = nlohmann::ordered_json;

json schema_of(libland::FieldType type) {
    switch (type) {
        case libland::FieldType::integer: return {{"type", "integer"}};
        case libland::FieldType::real: return {{"type", "number"}};
        case libland::FieldType::date: return {{"type", "string"}, {"format", "date"}};
        case libland::FieldType::datetime: return {{"type", "string"}, {"format", "date-time"}};
        case libland::FieldType::string: break;
    }
    return {{"type", "string"}};
}

}  // namespace

void reply_queryables(const Request& req, Response& res, Session& session, const std::string& id) {
    const CollectionKind kind = find_collection(session, id);
    refuse_unknown_parameters(req, {"f", "datetime"});
    std::vector<libland::Queryable> queryables;
    if (kind == CollectionKind::parcels) {
        const std::optional<std::string> date = datetime_instant(req);
        queryables = session.store.parcel_queryables(date.value_or("9999-12-31"));
    } else if (kind == CollectionKind::layer) {
        queryables = session.store.layer_queryables(id);
    }
    const bool may_read_private = reads_private(req, session);
    json properties = json::object();
    if (kind != CollectionKind::changes) {
        properties["geometry"] = {{"title", "geometry"}, {"format", "geometry-any"},
                                  {"description", "S_INTERSECTS and S_DWITHIN(geometry, POINT(lon lat), metres)"}};
    }
    for (const libland::Queryable& q : queryables) {
        if (q.is_private && !may_read_private) continue;
        json p = {{"title", q.name}};
        p.update(schema_of(q.type));
        if (q.is_private) p["description"] = "private: shown to officers only";
        properties[q.name] = std::move(p);
    }
    const std::string url = collection_url(req, id) + "/queryables";
    const json doc = {{"$schema", "https://json-schema.org/draft/2019-09/schema"},
                      {"$id", url},
                      {"type", "object"},
                      {"title", id},
                      {"properties", std::move(properties)},
                      {"additionalProperties", false}};
    reply(res, doc, requested_format(req), id + " queryables", "application/schema+json");
}

}  // namespace landd
