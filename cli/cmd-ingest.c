/* cmd-ingest.c: "plansok ingest": collect PDFs from the paths given (collect.c), extract
 * each, add it to the index in its own transaction, report skipped files
 * on one line each, and end with a summary. SIGINT or SIGTERM stops the
 * reading of files (the workers are killed); what was indexed is
 * committed and counted, and one line says the run was interrupted. */
#include "cli.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What a run has indexed; the summary counts what was committed. */
typedef struct counts {
    size_t pages, passages, added, updated, moved;
    size_t reread; /* of the updated: files left as they were, read again */
} counts;

/* The state of one ingest run, shared by the loop and the collector. */
typedef struct ingest_run {
    ps_index *ix;
    char **files;
    size_t nfiles;
    bool quiet, show;
    size_t done, unchanged;
    counts batch, committed; /* added since the index last wrote to disk; written */
    size_t lost;             /* documents added but never written (the disk failed) */
    int skipped, fatal;
    const volatile sig_atomic_t *stop; /* SIGINT or SIGTERM came: its number */
    ps_file_state *states;
    bool *indexed;          /* the file's contents are in the index now */
    char **added_ids;       /* documents added in this run, to spot copies */
    size_t nadded_ids;
} ingest_run;

/* Whether the run reads more files: no failure of the index or pool
 * stopped it, and no signal. */
static bool
going(const ingest_run *r)
{
    return !r->fatal && !*r->stop;
}

/* The documents added since the last commit were written (or lost). */
static void
batch_written(ingest_run *r, bool written)
{
    if (written) {
        r->committed.added += r->batch.added;
        r->committed.updated += r->batch.updated;
        r->committed.moved += r->batch.moved;
        r->committed.reread += r->batch.reread;
        r->committed.pages += r->batch.pages;
        r->committed.passages += r->batch.passages;
    } else {
        r->lost += r->batch.added + r->batch.updated + r->batch.moved;
    }
    r->batch = (counts){ 0 };
}

/* The index failed: the documents it had not written yet are gone with
 * what failed (it then holds none uncommitted), and the run exits 4. */
static void
index_failed(ingest_run *r, ps_status st)
{
    if (ps_index_uncommitted(r->ix) == 0 && r->batch.added + r->batch.updated + r->batch.moved)
        batch_written(r, false);
    if (!r->fatal && r->lost)
        r->fatal = cli_exit_code(st);
}

/* Adds a finished document to the index, or reports why there is none. */
static void
finish_file(ingest_run *r, size_t i, ps_doc *doc, ps_status st, ps_error *err)
{
    r->done++;
    if (r->show) {
        fprintf(stderr, "\r[%zu/%zu] ", r->done, r->nfiles);
        cli_escape(stderr, r->files[i], ESC_PLAIN);
        fputs("\033[K", stderr);
    }
    if (st == PS_OK) {
        /* two copies in one run reach the workers before either is indexed */
        const ps_docinfo *d = ps_doc_info(doc);
        for (size_t k = 0; k < r->nadded_ids; k++)
            if (!strcmp(r->added_ids[k], d->docid)) {
                r->unchanged++;
                if (!r->quiet)
                    cli_note(r->show, "plansok: '%s' has the same contents as another file of this run; indexed once",
                             r->files[i]);
                ps_doc_free(doc);
                return;
            }
        r->added_ids = realloc(r->added_ids, (r->nadded_ids + 1) * sizeof *r->added_ids);
        r->added_ids[r->nadded_ids++] = strdup(d->docid);
        st = ps_index_add_doc(r->ix, doc, err);
    }
    if (st == PS_OK) {
        const ps_docinfo *d = ps_doc_info(doc);
        r->indexed[i] = true;
        if (d->garbled_pages)
            cli_note(r->show, "plansok: '%s': %d of %d pages left out: their text is not readable (a broken font?)",
                     r->files[i], d->garbled_pages, d->pages);
        r->batch.added += r->states[i] == PS_FILE_NEW;
        r->batch.updated += r->states[i] == PS_FILE_CHANGED || r->states[i] == PS_FILE_STALE;
        r->batch.reread += r->states[i] == PS_FILE_STALE;
        r->batch.moved += r->states[i] == PS_FILE_MOVED;
        r->batch.pages += (size_t)d->pages;
        r->batch.passages += (size_t)d->passages;
        if (ps_index_uncommitted(r->ix) == 0) /* the batch went to disk with it */
            batch_written(r, true);
    } else if ((cli_exit_code(st) == EXIT_SKIPPED || st == PS_ERR_IO) && r->states[i] == PS_FILE_STALE) {
        /* the file as it was, which this version cannot read: what an
         * earlier one made of it is better than nothing */
        cli_note(r->show, "plansok: '%s' could not be read again (%s); what an earlier reading made of it stays",
                 r->files[i], err->msg);
        r->indexed[i] = true;
        r->unchanged++;
    } else if (cli_exit_code(st) == EXIT_SKIPPED || st == PS_ERR_IO) {
        cli_note(r->show, "plansok: skipping '%s': %s", r->files[i], err->msg);
        r->skipped++;
    } else {
        cli_note(r->show, "plansok: stopping at '%s': %s", r->files[i], err->msg);
        r->fatal = cli_exit_code(st);
        index_failed(r, st);
    }
    ps_doc_free(doc);
}

/* Takes the next finished file from the pool. When the pool itself fails,
 * the run stops: what is indexed stays (closing the index commits it), the
 * files still with workers are not indexed. */
static void
collect(ingest_run *r, ps_pool *pool)
{
    ps_pool_result res;
    ps_error err = PS_ERROR_INIT;
    ps_status st = ps_pool_next(pool, &res, &err);
    if (st == PS_ERR_INTERRUPTED) {
        return; /* the signal's flag is set: the run says so at its end */
    } else if (st != PS_OK) {
        if (r->show)
            fprintf(stderr, "\r\033[K");
        fprintf(stderr, "plansok: stopping: %s\n", err.msg);
        r->fatal = cli_exit_code(st);
    } else if (res.done) {
        finish_file(r, (size_t)res.tag - 1, res.doc, res.status, &res.err);
    }
}

/* The corrections of the run (the options, then the metadata file's rows)
 * for every file whose contents are indexed, new or unchanged: kept by
 * the index, so an unchanged file gets them too. Returns how many files. */
static size_t
apply_fixes(ingest_run *r, const ps_fix *given, ps_metafile *mf)
{
    size_t set = 0;
    for (size_t i = 0; i < r->nfiles; i++) {
        if (!r->indexed[i])
            continue;
        char *abs = realpath(r->files[i], NULL);
        ps_fix fix = *given; /* the options, then the rows over them */
        if (abs)
            ps_metafile_match(mf, abs, &fix);
        if (abs && !cli_fix_empty(&fix)) {
            ps_error err = PS_ERROR_INIT;
            if (ps_index_fix(r->ix, abs, &fix, NULL, &err) == PS_OK)
                set++;
            else
                cli_note(r->show, "plansok: could not set '%s' by hand: %s", r->files[i], err.msg);
        }
        free(abs);
    }
    /* a row for a file that is not there, or misspelt, says so */
    for (size_t i = 0; i < ps_metafile_rows(mf); i++)
        if (ps_metafile_row_unused(mf, i))
            cli_note(r->show, "plansok: %s", ps_metafile_row_unused(mf, i));
    return set;
}

int
cli_cmd_ingest(cli_ctx *ctx, int argc, char **argv)
{
    const char *rules = NULL, *shard_by = NULL, *meta = NULL;
    cli_fix_opts fo = { 0 };
    bool quiet = false, progress = false, prune = false, in_process = false;
    int jobs = (int)sysconf(_SC_NPROCESSORS_ONLN), batch = 64;
    ps_limits lim = PS_LIMITS_INIT;
    int memory_mb = (int)lim.memory_mb;
    /* what one document may bring into the index (docs/RELIABILITY.md) */
    int max_pages = (int)lim.max_pages, max_passages = (int)lim.max_passages, max_text = (int)lim.max_text_mb,
        max_headings = (int)lim.max_headings, max_rows = (int)lim.max_budget_rows, max_file = (int)lim.max_file_mb;
    const cli_opt opts[] = {
        CLI_FIX_OPTS(&fo, "of every file, set by hand"),
        { .name = "meta", .opt_string = &meta, .arg = "FILE",
          .help = "corrections per file or folder from a TSV file (docs/DETECTION.md)" },
        { .name = "rules", .opt_string = &rules, .arg = "FILE",
          .help = "section rules to use instead of the built-in ones" },
        { .name = "progress", .opt_bool = &progress, .help = "show progress even when stderr is not a terminal" },
        { .name = "prune", .opt_bool = &prune, .help = "remove indexed documents whose files are gone" },
        { .name = "timeout", .opt_int = &lim.wall_seconds, .arg = "S",
          .help = "give up on a PDF after S seconds (default 60)" },
        { .name = "cpu", .opt_int = &lim.cpu_seconds, .arg = "S", .help = "CPU seconds a PDF may use (default 60)" },
        { .name = "memory", .opt_int = &memory_mb, .arg = "MB",
          .help = "memory a PDF's worker may use (default 2048)" },
        { .name = "max-pages", .opt_int = &max_pages, .arg = "N",
          .help = "skip a PDF of more than N pages (default 10000; 0: no limit)" },
        { .name = "max-passages", .opt_int = &max_passages, .arg = "N",
          .help = "skip a PDF of more than N passages (default 10000)" },
        { .name = "max-text", .opt_int = &max_text, .arg = "MB",
          .help = "skip a PDF of more than MB megabytes of text (default 16)" },
        { .name = "max-headings", .opt_int = &max_headings, .arg = "N",
          .help = "skip a PDF whose outline has more than N headings (default 10000)" },
        { .name = "max-budget-rows", .opt_int = &max_rows, .arg = "N",
          .help = "skip a PDF of more than N budget rows (default 10000)" },
        { .name = "max-file", .opt_int = &max_file, .arg = "MB",
          .help = "skip a file of more than MB megabytes, unread (default 1024)" },
        { .name = "in-process", .opt_bool = &in_process,
          .help = "extract in this process, without a worker (debugging)" },
        { .name = "jobs", .letter = 'j', .opt_int = &jobs, .arg = "N",
          .help = "extract N PDFs at once (default: the number of cores)" },
        { .name = "commit-every", .opt_int = &batch, .arg = "N",
          .help = "write to disk every N documents (default 64)" },
        { .name = "shard-by", .opt_string = &shard_by, .arg = "lan|year",
          .help = "a new index as one database per län or year (see docs/SCALING.md)" },
        { .name = "quiet", .letter = 'q', .opt_bool = &quiet, .help = "print only problems and the summary" },
        { 0 },
    };
    /* from here on SIGINT and SIGTERM stop the run, which then reports */
    const volatile sig_atomic_t *stop = cli_catch_stop_signals();
    int n = cli_parse(ctx, argc, argv, opts);
    if (n < 0)
        return cli_parse_exit(n);
    if (n == 0 && !prune) {
        fprintf(stderr, "plansok ingest: no PDF files or directories given; see 'plansok ingest --help'\n");
        return EXIT_USAGE;
    }
    if (shard_by) {
        if (!strcmp(shard_by, "lan") || !strcmp(shard_by, "län"))
            ctx->extra = PS_INDEX_SHARD_LAN;
        else if (!strcmp(shard_by, "year") || !strcmp(shard_by, "år"))
            ctx->extra = PS_INDEX_SHARD_YEAR;
        else {
            fprintf(stderr, "plansok ingest: --shard-by takes lan or year, not '%s'\n", shard_by);
            return EXIT_USAGE;
        }
    }
    if (jobs > PS_POOL_MAX_JOBS) {
        fprintf(stderr, "plansok ingest: --jobs %d is more than %d workers\n", jobs, PS_POOL_MAX_JOBS);
        return EXIT_USAGE;
    }
    ps_fix given;
    if (!cli_fix_from_opts("ingest", &fo, &given))
        return EXIT_USAGE;
    ps_extract_opts xo = PS_EXTRACT_OPTS_INIT;
    xo.rules_file = rules;
    /* the options go into the extraction too, so that a sharded index
     * files the document in its corrected shard */
    xo.org = given.org;
    xo.lan = given.lan != PS_FIX_KEEP ? given.lan : -1;
    xo.year = given.year != PS_FIX_KEEP ? given.year : 0;
    xo.kind = given.kind != PS_FIX_KEEP ? given.kind : -1;

    ps_error err = PS_ERROR_INIT;
    /* a bad metadata file stops before the index is touched: one line per bad row */
    ps_metafile *mf = NULL;
    if (meta) {
        ps_status ms = ps_metafile_read(meta, &mf, &err);
        if (ms != PS_OK)
            return cli_report(ms, &err);
        size_t np = ps_metafile_problems(mf);
        for (size_t i = 0; i < np; i++)
            cli_note(false, "plansok: %s", ps_metafile_problem(mf, i));
        if (np) {
            fprintf(stderr, "plansok ingest: %zu problem%s in '%s'; nothing was ingested\n", np, np == 1 ? "" : "s",
                    meta);
            ps_metafile_free(mf);
            return EXIT_USAGE;
        }
    }
    ps_extractor *ex = NULL;
    ps_status st = ps_extractor_new(&xo, &ex, &err);
    if (st != PS_OK) {
        ps_metafile_free(mf);
        return cli_report(st, &err); /* a bad rules file stops before any file */
    }

    /* Collect first, so that progress can say "n of N". */
    cli_files files = { 0 };
    for (int i = 1; i <= n; i++)
        cli_files_add(&files, argv[i]);
    int skipped = files.skipped;

    ps_index *ix = NULL;
    st = files.n || prune ? cli_index(ctx, &ix, &err) : PS_OK;
    if (st != PS_OK) {
        cli_files_release(&files);
        ps_extractor_free(ex);
        ps_metafile_free(mf);
        return cli_report(st, &err);
    }
    bool show = !quiet && (progress || isatty(STDERR_FILENO));
    ingest_run r = { .ix = ix, .files = files.v, .nfiles = files.n, .quiet = quiet, .show = show, .stop = stop };
    r.states = calloc(files.n + 1, sizeof *r.states);
    r.indexed = calloc(files.n + 1, sizeof *r.indexed);
    if (ix)
        ps_index_set_batch(ix, batch);
    lim.memory_mb = memory_mb;
    lim.max_pages = max_pages, lim.max_passages = max_passages, lim.max_text_mb = max_text;
    lim.max_headings = max_headings, lim.max_budget_rows = max_rows, lim.max_file_mb = max_file;
    ps_pool *pool = NULL;
    /* no more workers than files */
    int workers = jobs < 1 ? 1 : (size_t)jobs > files.n ? (int)files.n : jobs;
    if (!in_process && files.n && (st = ps_pool_new(ex, &lim, workers, &pool, &err)) != PS_OK) {
        /* no PDF is read here without being asked (--in-process): outside a
         * worker it has no limits */
        fprintf(stderr, "plansok: %s; nothing was ingested\n", err.msg);
        free(r.states);
        free(r.indexed);
        cli_files_release(&files);
        cli_index_close(ctx);
        ps_extractor_free(ex);
        ps_metafile_free(mf);
        return cli_exit_code(st);
    }
    if (pool && ps_pool_shortfall(pool) && !quiet)
        cli_note(false, "plansok: %s", ps_pool_shortfall(pool));
    if (pool)
        ps_pool_watch(pool, stop);
    size_t stale = 0;
    for (size_t i = 0; i < files.n && going(&r); i++) {
        ps_file_state fs = PS_FILE_NEW;
        char *other = NULL;
        /* a file too large is not even hashed (an 8 GB sparse file took 28 s) */
        st = ps_file_check_limits(files.v[i], &lim, &err);
        if (st == PS_OK)
            st = ps_index_check_file(ix, files.v[i], ps_extractor_stamp(ex), &fs, &other, &err);
        if (st == PS_OK && fs == PS_FILE_STALE && !stale++ && !quiet)
            cli_note(show,
                     "plansok: files that an earlier version of plansok, or other section rules or "
                     "word list, indexed are read again ('%s' is the first)",
                     files.v[i]);
        if (st == PS_OK && (fs == PS_FILE_UNCHANGED || fs == PS_FILE_DUPLICATE)) {
            r.unchanged++;
            r.indexed[i] = fs == PS_FILE_UNCHANGED;
            r.done++;
            if (fs == PS_FILE_DUPLICATE && !quiet) {
                cli_note(show, "plansok: '%s' has the same contents as '%s'; indexed once", files.v[i], other);
            }
            free(other);
            continue;
        }
        free(other);
        r.states[i] = fs;
        if (st != PS_OK) {
            finish_file(&r, i, NULL, st, &err);
        } else if (in_process) {
            ps_doc *doc = NULL;
            st = ps_extractor_run(ex, files.v[i], &doc, &err);
            if (st == PS_OK)
                st = ps_doc_check_limits(doc, &lim, &err); /* as the pool checks a worker's */
            finish_file(&r, i, doc, st, &err);
        } else {
            while (going(&r) && ps_pool_running(pool) == ps_pool_size(pool))
                collect(&r, pool);
            if (!going(&r))
                break;
            st = ps_pool_submit(pool, files.v[i], (void *)(i + 1), &err);
            if (st != PS_OK)
                finish_file(&r, i, NULL, st, &err);
        }
    }
    while (pool && going(&r) && ps_pool_running(pool) > 0)
        collect(&r, pool);
    ps_pool_free(pool); /* kills the workers still busy */
    size_t unread = files.n - r.done; /* files the run did not finish */
    /* a run stopped by a signal before its last file leaves the rest to
     * the next run, which does it over all the files: the folders' kommun
     * is never taken from some of a folder's documents (what a folder gave
     * stays, so a clean ingest, which saw them all, could differ) */
    bool whole = !r.fatal && !(*stop && unread);
    size_t set = whole ? apply_fixes(&r, &given, mf) : 0;
    /* documents that name only their nämnd take their folder's kommun; at
     * the end of every whole run, whatever it added: a run killed or
     * stopped before this point left documents without it, which the next
     * run finds unchanged */
    size_t from_folder = 0;
    if (whole && ix) {
        ps_error ferr = PS_ERROR_INIT;
        ps_status fst = ps_index_infer_folders(ix, &from_folder, &ferr);
        if (fst != PS_OK) {
            cli_note(show, "plansok: could not read documents' folders: %s", ferr.msg);
            index_failed(&r, fst);
        }
    }
    ps_metafile_free(mf);
    free(r.states);
    free(r.indexed);
    for (size_t k = 0; k < r.nadded_ids; k++)
        free(r.added_ids[k]);
    free(r.added_ids);
    size_t removed = 0;
    skipped += r.skipped;
    if (show)
        fprintf(stderr, "\r\033[K");
    if (whole && prune) {
        /* nothing under a directory that could not be read is gone */
        st = ps_index_prune(ix, (const char *const *)files.unread, files.nunread, &removed, &err);
        if (st != PS_OK) {
            fprintf(stderr, "plansok: pruning failed: %s\n", err.msg);
            r.fatal = cli_exit_code(st);
            index_failed(&r, st);
        }
    }
    /* committed before it is reported: what could not be written is not counted */
    if (ix) {
        st = ps_index_commit(ix, &err);
        batch_written(&r, st == PS_OK);
        if (st != PS_OK) {
            fprintf(stderr, "plansok: could not write the index to disk: %s\n", err.msg);
            if (!r.fatal)
                r.fatal = cli_exit_code(st);
        }
    }
    cli_index_close(ctx);
    ps_extractor_free(ex);
    const counts *c = &r.committed;
    size_t docs = c->added + c->updated + c->moved;
    fprintf(stderr,
            "plansok: ingested %zu document%s (%zu pages, %zu passages): %zu added, %zu updated, %zu moved, "
            "%zu unchanged, %zu removed",
            docs, docs == 1 ? "" : "s", c->pages, c->passages, c->added, c->updated, c->moved, r.unchanged, removed);
    if (c->reread)
        fprintf(stderr, "; %zu read again (an earlier version of plansok or other rules had read them)", c->reread);
    if (r.lost)
        fprintf(stderr, "; %zu not written to the index", r.lost);
    if (set)
        fprintf(stderr, "; %zu set by hand", set);
    if (from_folder)
        fprintf(stderr, "; %zu organisation%s from the folder", from_folder, from_folder == 1 ? "" : "s");
    if (skipped)
        fprintf(stderr, "; skipped %d", skipped);
    fprintf(stderr, "\n");
    cli_files_release(&files);
    if (*stop) { /* main then ends the process by the signal */
        fprintf(stderr, "plansok: interrupted by %s", *stop == SIGINT ? "SIGINT" : "SIGTERM");
        if (unread)
            fprintf(stderr, ": %zu of %zu files not ingested; the next run ingests them", unread, r.nfiles);
        fprintf(stderr, "\n");
        return r.fatal ? r.fatal : cli_exit_code(PS_ERR_INTERRUPTED);
    }
    if (r.fatal)
        return r.fatal;
    return skipped ? EXIT_SKIPPED : EXIT_OK;
}
