/* fix.c: an analyst's corrections of a document's metadata, as the index
 * keeps them (one record per document, by content) and applies them to a
 * docinfo. The record's fields are core/record-fields.c's psi_fixrec_fields;
 * the index stores it (index/index.c), the CLI fills a ps_fix. */
#include "plansok-private.h"

#include <stdlib.h>
#include <string.h>

void
psi_fixrec_release(psi_fixrec *r)
{
    psi_record_release(psi_fixrec_fields, r);
}

void
psi_fixrec_init(psi_fixrec *r)
{
    memset(r, 0, sizeof *r);
    r->lan = r->year = r->kind = PS_FIX_KEEP;
}

static void
set_str(char **dst, const char *v)
{
    free(*dst);
    *dst = psi_strdup(v ? v : "");
}

void
psi_fixrec_merge(psi_fixrec *r, const ps_fix *fix)
{
    if (fix->org) {
        set_str(&r->org, fix->org);
        r->has_org = 1;
    }
    if (fix->unit) {
        set_str(&r->unit, fix->unit);
        r->has_unit = 1;
    }
    if (fix->lan != PS_FIX_KEEP)
        r->lan = fix->lan;
    if (fix->year != PS_FIX_KEEP)
        r->year = fix->year;
    if (fix->kind != PS_FIX_KEEP)
        r->kind = fix->kind;
}

ps_status
psi_fix_check(const ps_fix *fix, ps_error *err)
{
    if (fix->lan != PS_FIX_KEEP && (fix->lan < -1 || fix->lan >= PS_LAN_COUNT))
        return psi_fail(err, PS_ERR_USAGE, "län %d is not one of the %d län", fix->lan, PS_LAN_COUNT);
    if (fix->year != PS_FIX_KEEP && fix->year != 0 && (fix->year < 1900 || fix->year > 2100))
        return psi_fail(err, PS_ERR_USAGE, "year %d is not a year a plan can have (1900 to 2100)", fix->year);
    if (fix->kind != PS_FIX_KEEP && (fix->kind < 0 || fix->kind >= PS_KIND_COUNT))
        return psi_fail(err, PS_ERR_USAGE, "kind %d is not a document kind", fix->kind);
    return PS_OK;
}

bool
psi_fixrec_empty(const psi_fixrec *r)
{
    return !r->has_org && !r->has_unit && r->lan == PS_FIX_KEEP && r->year == PS_FIX_KEEP && r->kind == PS_FIX_KEEP;
}

void
psi_fix_apply(const psi_fixrec *r, ps_docinfo *info)
{
    psi_buf hand = PSI_BUF_INIT;
#define HAND(name) psi_buf_adds(&hand, hand.len ? "," name : name)
    if (r->has_org) {
        /* a name or code of the register becomes the register's name, code and län */
        const psi_body *b = *r->org ? psi_register_lookup(r->org) : NULL;
        if (!b && *r->org)
            b = psi_register_by_code(r->org);
        set_str(&info->org, b ? b->name : r->org);
        set_str(&info->org_code, b ? b->code : "");
        if (r->lan == PS_FIX_KEEP)
            info->lan = b ? b->lan : -1;
        set_str(&info->from_folder, ""); /* the analyst's word, not the folder's */
        HAND("org");
    }
    if (r->has_unit) {
        set_str(&info->unit, r->unit);
        HAND("unit");
    }
    if (r->lan != PS_FIX_KEEP) {
        info->lan = r->lan;
        HAND("lan");
    }
    if (r->year != PS_FIX_KEEP) {
        info->year = r->year;
        HAND("year");
    }
    if (r->kind != PS_FIX_KEEP) {
        info->kind = (ps_kind)r->kind;
        HAND("kind");
    }
#undef HAND
    free(info->by_hand);
    info->by_hand = psi_buf_detach(&hand);
}
