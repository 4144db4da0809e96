/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-report-text.c: what the subject-access report says, in the officer's language, built once
 * from the report model for both the HTML and the PDF. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-report-text.h"

static void
block_free (gpointer data)
{
  ClReportBlock *block = data;

  g_free (block->label);
  g_free (block->text);
  g_strfreev (block->header);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static void
section_free (gpointer data)
{
  ClReportSection *section = data;

  g_free (section->title);
  g_ptr_array_unref (section->blocks);
  g_free (section);
}

void
cl_report_document_free (ClReportDocument *document)
{
  g_free (document->language);
  g_free (document->title);
  g_ptr_array_unref (document->meta);
  g_ptr_array_unref (document->sections);
  g_free (document);
}

static ClReportSection *
add_section (ClReportDocument *document,
             const char       *title)
{
  ClReportSection *section = g_new0 (ClReportSection, 1);

  section->title = g_strdup (title);
  section->blocks = g_ptr_array_new_with_free_func (block_free);
  g_ptr_array_add (document->sections, section);
  return section;
}

static ClReportBlock *
add_block (ClReportSection   *section,
           ClReportBlockKind  kind,
           const char        *label,
           const char        *text)
{
  ClReportBlock *block = g_new0 (ClReportBlock, 1);

  block->kind = kind;
  block->label = g_strdup (label);
  block->text = g_strdup (text);
  g_ptr_array_add (section->blocks, block);
  return block;
}

static void
add_field (ClReportSection *section,
           const char      *label,
           const char      *text)
{
  if (text != NULL && *text != '\0')
    add_block (section, CL_REPORT_BLOCK_FIELD, label, text);
}

static ClReportBlock *
add_table (ClReportSection *section,
           const char      *first_column,
           ...) G_GNUC_NULL_TERMINATED;

static ClReportBlock *
add_table (ClReportSection *section,
           const char      *first_column,
           ...)
{
  ClReportBlock *block = add_block (section, CL_REPORT_BLOCK_TABLE, NULL, NULL);
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  va_list args;

  va_start (args, first_column);
  for (const char *column = first_column; column != NULL; column = va_arg (args, const char *))
    g_strv_builder_add (header, column);
  va_end (args);

  block->header = g_strv_builder_end (header);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return block;
}

static void
add_row (ClReportBlock *table,
         const char    *first_cell,
         ...) G_GNUC_NULL_TERMINATED;

static void
add_row (ClReportBlock *table,
         const char    *first_cell,
         ...)
{
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  guint n_columns = g_strv_length (table->header);
  va_list args;

  /* Exactly one cell per column follows; a NULL cell (a missing value) prints empty. */
  va_start (args, first_cell);
  g_strv_builder_add (row, first_cell != NULL ? first_cell : "");
  for (guint i = 1; i < n_columns; i++)
    {
      const char *cell = va_arg (args, const char *);
      g_strv_builder_add (row, cell != NULL ? cell : "");
    }
  va_end (args);
  g_ptr_array_add (table->rows, g_strv_builder_end (row));
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return fallback;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  return json_node_get_object (json_object_get_member (object, name));
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, name)))
    return NULL;
  return json_object_get_array_member (object, name);
}

static guint
array_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

static JsonObject *
array_object (JsonArray *array,
              guint      index)
{
  JsonNode *node = json_array_get_element (array, index);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Joins an array of strings with separator. */
static char *
join_strings (JsonArray  *array,
              const char *separator)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < array_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      if (text->len > 0)
        g_string_append (text, separator);
      g_string_append (text, json_node_get_string (node));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
identifier_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "consent_id") == 0)
    return _("Consent ID");
  if (g_strcmp0 (kind, "email") == 0)
    return _("E-mail address");
  if (g_strcmp0 (kind, "account") == 0)
    return _("Account ID");
  return kind;
}

static const char *
choice_label (JsonObject *choice)
{
  const char *decision = member_string (choice, "decision");

  if (g_strcmp0 (decision, "granted") == 0)
    return _("Granted");
  if (g_strcmp0 (decision, "denied") == 0)
    return _("Refused");
  return _("Not asked");
}

/* "2026-03-01T12:00:00.250Z" → "2026-03-01 12:00 UTC": the report is read by a person. */
static char *
format_time (const char *rfc3339)
{
  if (rfc3339 == NULL)
    return NULL;
  if (strlen (rfc3339) >= 16 && rfc3339[10] == 'T' && g_str_has_suffix (rfc3339, "Z"))
    return g_strdup_printf ("%.10s %.5s UTC", rfc3339, rfc3339 + 11);
  return g_strdup (rfc3339);
}

static void
add_header (ClReportDocument *document,
            JsonObject       *report)
{
  JsonObject *controller = member_object (report, "controller");
  JsonObject *request = member_object (report, "request");

  document->title = g_strdup_printf (_("Your personal data held by %s"),
                                     member_string (controller, "name"));
  if (member_string (request, "reference") != NULL)
    g_ptr_array_add (document->meta,
                     g_strdup_printf (_("Request %s, received %s"),
                                      member_string (request, "reference"),
                                      member_string (request, "received")));
  {
    g_autofree char *generated = format_time (member_string (report, "generated_at"));
    g_ptr_array_add (document->meta, g_strdup_printf (_("Report produced %s"), generated));
  }
}

static void
add_controller (ClReportDocument *document,
                JsonObject       *report)
{
  JsonObject *controller = member_object (report, "controller");
  ClReportSection *section = add_section (document, _("Who holds your data"));

  add_field (section, _("Controller"), member_string (controller, "name"));
  add_field (section, _("Address"), member_string (controller, "address"));
  add_field (section, _("Data protection officer"), member_string (controller, "dpo_contact"));
}

static void
add_subject (ClReportDocument *document,
             JsonObject       *report)
{
  JsonObject *subject = member_object (report, "subject");
  JsonArray *identifiers = member_array (subject, "identifiers");
  ClReportSection *section = add_section (document, _("Who you are to us"));
  ClReportBlock *table;

  if (array_length (identifiers) == 0)
    {
      g_autofree char *text =
        g_strdup_printf (_("We hold no consent records under the identifier you gave us (%s), "
                           "so we hold no personal data about you in our consent ledger."),
                         member_string (member_object (report, "request"), "subject"));
      add_block (section, CL_REPORT_BLOCK_PARAGRAPH, NULL, text);
      return;
    }

  add_block (section, CL_REPORT_BLOCK_PARAGRAPH, NULL,
             _("We know you by these identifiers. The consent ID is stored in a cookie by our "
               "consent banner; an e-mail address or account ID links several of your devices."));
  table = add_table (section, _("Kind"), _("Identifier"), NULL);
  for (guint i = 0; i < array_length (identifiers); i++)
    {
      JsonObject *identifier = array_object (identifiers, i);
      add_row (table, identifier_kind_label (member_string (identifier, "kind")),
               member_string (identifier, "value"), NULL);
    }
}

static void
add_current_choices (ClReportDocument *document,
                     JsonObject       *report)
{
  JsonArray *choices = member_array (report, "current_choices");
  ClReportSection *section;
  ClReportBlock *table;

  if (array_length (member_array (report, "consent_history")) == 0)
    return;
  section = add_section (document, _("Your current choices"));
  add_block (section, CL_REPORT_BLOCK_PARAGRAPH, NULL,
             _("What you chose the last time you answered our consent banner, for each purpose "
               "you can refuse. Strictly necessary purposes do not depend on your consent."));
  table = add_table (section, _("Purpose"), _("Your choice"), _("Since"), NULL);
  for (guint i = 0; i < array_length (choices); i++)
    {
      JsonObject *choice = array_object (choices, i);
      g_autofree char *since = format_time (member_string (choice, "since"));

      add_row (table, member_string (choice, "name"), choice_label (choice), since, NULL);
    }
}

static void
add_history (ClReportDocument *document,
             JsonObject       *report)
{
  JsonArray *history = member_array (report, "consent_history");
  ClReportSection *section = add_section (document, _("Your consent history"));
  ClReportBlock *table;

  if (array_length (history) == 0)
    {
      add_block (section, CL_REPORT_BLOCK_PARAGRAPH, NULL, _("We hold no consent events for you."));
      return;
    }
  table = add_table (section, _("When"), _("What happened"), _("Policy version"), NULL);
  for (guint i = 0; i < array_length (history); i++)
    {
      JsonObject *event = array_object (history, i);
      g_autofree char *when = format_time (member_string (event, "recorded_at"));

      add_row (table, when, member_string (event, "description"),
               member_string (event, "policy_version"), NULL);
    }
}

/* Named in the purpose itself up to this many; beyond, the purpose gives the count and the
 * recipients are listed once, in their own section, with the purposes each receives data for. */
#define MAX_RECIPIENTS_NAMED 6

static void
add_purposes (ClReportDocument *document,
              JsonObject       *report)
{
  JsonArray *purposes = member_array (report, "purposes");
  ClReportSection *section = add_section (document, _("What we use your data for"));

  for (guint i = 0; i < array_length (purposes); i++)
    {
      JsonObject *purpose = array_object (purposes, i);
      JsonArray *recipients = member_array (purpose, "recipients");
      guint n_recipients = array_length (recipients);
      g_autofree char *categories = join_strings (member_array (purpose, "data_categories"), "; ");
      const char *retention = member_string (purpose, "retention");

      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1,
                                                  member_string (purpose, "name"));

      /* Numbered: the recipients' table names the purposes by these numbers. */
      add_block (section, CL_REPORT_BLOCK_HEADING, NULL, heading);
      add_block (section, CL_REPORT_BLOCK_PARAGRAPH, NULL, member_string (purpose, "description"));
      add_field (section, _("Legal basis"), member_string (purpose, "legal_basis_label"));
      add_field (section, _("Personal data"), categories);
      add_field (section, _("How long we keep it"),
                 retention != NULL && *retention != '\0' ? retention
                                                          : _("Not set out in the policy"));
      if (n_recipients == 0)
        add_field (section, _("Recipients"), _("None outside our company"));
      else if (n_recipients <= MAX_RECIPIENTS_NAMED)
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint r = 0; r < n_recipients; r++)
            {
              JsonObject *recipient = array_object (recipients, r);
              const char *country = member_string (recipient, "country");

              if (names->len > 0)
                g_string_append (names, ", ");
              g_string_append (names, member_string (recipient, "name"));
              if (country != NULL)
                g_string_append_printf (names, " (%s)", country);
            }
          add_field (section, _("Recipients"), names->str);
        }
      else
        {
          g_autofree char *text =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u company, listed under “Who receives your data”",
                                          "%u companies, listed under “Who receives your data”",
                                          n_recipients), n_recipients);
          add_field (section, _("Recipients"), text);
        }
    }
}

typedef struct
{
  JsonObject *recipient;  /* the first purpose's entry */
  GString    *purposes;
  char       *sort_key;
} Recipient;

static void
recipient_free (gpointer data)
{
  Recipient *recipient = data;

  g_string_free (recipient->purposes, TRUE);
  g_free (recipient->sort_key);
  g_free (recipient);
}

static int
compare_recipients (gconstpointer a,
                    gconstpointer b)
{
  const Recipient *x = *(const Recipient * const *) a;
  const Recipient *y = *(const Recipient * const *) b;
  return strcmp (x->sort_key, y->sort_key);
}

/* Every recipient once: its country, transfer safeguard and retention, and for which purposes
 * it receives data. */
static void
add_recipients (ClReportDocument *document,
                JsonObject       *report)
{
  JsonArray *purposes = member_array (report, "purposes");
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) recipients = g_ptr_array_new_with_free_func (recipient_free);
  ClReportSection *section;
  ClReportBlock *table;

  for (guint i = 0; i < array_length (purposes); i++)
    {
      JsonObject *purpose = array_object (purposes, i);
      JsonArray *list = member_array (purpose, "recipients");

      for (guint r = 0; r < array_length (list); r++)
        {
          JsonObject *entry = array_object (list, r);
          const char *name = member_string (entry, "name");
          Recipient *recipient;

          if (name == NULL)
            continue;
          recipient = g_hash_table_lookup (by_name, name);
          if (recipient == NULL)
            {
              g_autofree char *folded = g_utf8_casefold (name, -1);

              recipient = g_new0 (Recipient, 1);
              recipient->recipient = entry;
              recipient->purposes = g_string_new (NULL);
              recipient->sort_key = g_utf8_collate_key (folded, -1);
              g_hash_table_insert (by_name, (gpointer) name, recipient);
              g_ptr_array_add (recipients, recipient);
            }
          if (recipient->purposes->len > 0)
            g_string_append (recipient->purposes, ", ");
          g_string_append_printf (recipient->purposes, "%u", i + 1);
        }
    }
  if (recipients->len == 0)
    return;
  g_ptr_array_sort (recipients, compare_recipients);

  section = add_section (document, _("Who receives your data"));
  add_block (section, CL_REPORT_BLOCK_PARAGRAPH, NULL,
             _("The companies that receive personal data for our purposes (numbered as above), "
               "where they are, how a transfer outside the EU/EEA is safeguarded, and how long "
               "they keep the data."));
  table = add_table (section, _("Recipient"), _("Country"), _("Transfer safeguard"),
                     _("Keeps it for"), _("Purposes"), NULL);
  for (guint r = 0; r < recipients->len; r++)
    {
      Recipient *recipient = g_ptr_array_index (recipients, r);
      gint64 days = member_int (recipient->recipient, "retention_days", -1);
      g_autofree char *kept = NULL;

      if (days >= 0 && days <= G_MAXINT)
        kept = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", (int) days),
                                (int) days);
      add_row (table, member_string (recipient->recipient, "name"),
               member_string (recipient->recipient, "country"),
               member_string (recipient->recipient, "transfer_safeguard"), kept,
               recipient->purposes->str, NULL);
    }
}

static void
add_sources (ClReportDocument *document,
             JsonObject       *report)
{
  JsonArray *sources = member_array (report, "sources");
  ClReportSection *section;
  ClReportBlock *table;

  if (array_length (sources) == 0)
    return;
  section = add_section (document, _("Where the data came from"));
  add_block (section, CL_REPORT_BLOCK_PARAGRAPH, NULL,
             _("All of it was collected from you by the consent banner of our websites, "
               "when you answered it."));
  table = add_table (section, _("Source"), _("Details"), NULL);
  for (guint i = 0; i < array_length (sources); i++)
    {
      JsonObject *source = array_object (sources, i);
      const char *type = member_string (source, "type");
      g_autofree char *detail = NULL;

      if (g_strcmp0 (type, "website") == 0)
        {
          g_autofree char *first = format_time (member_string (source, "first_seen"));
          g_autofree char *last = format_time (member_string (source, "last_seen"));

          detail = g_strdup_printf (_("%s (from %s to %s)"), member_string (source, "url"),
                                    first, last);
          add_row (table, _("Website"), detail, NULL);
        }
      else if (member_string (source, "name") != NULL)
        add_row (table, _("Consent management platform"), member_string (source, "name"), NULL);
      else if (member_int (source, "cmp_id", 0) > 0)
        {
          detail = g_strdup_printf (_("The platform registered with IAB Europe as CMP %d"),
                                    (int) member_int (source, "cmp_id", 0));
          add_row (table, _("Consent management platform"), detail, NULL);
        }
      else
        add_row (table, _("Consent management platform"),
                 member_string (source, "description"), NULL);
    }
}

static void
add_rights (ClReportDocument *document,
            JsonObject       *report)
{
  JsonArray *rights = member_array (report, "rights");
  ClReportSection *section = add_section (document, _("Your rights"));

  for (guint i = 0; i < array_length (rights); i++)
    {
      JsonObject *right = array_object (rights, i);
      add_field (section, member_string (right, "name"), member_string (right, "text"));
    }
}

ClReportDocument *
cl_report_document_new (JsonObject *report)
{
  ClReportDocument *document = g_new0 (ClReportDocument, 1);

  g_return_val_if_fail (report != NULL, NULL);

  /* Translators: the language code of this translation, for the report's <html lang>. */
  document->language = g_strdup (_("en"));
  document->meta = g_ptr_array_new_with_free_func (g_free);
  document->sections = g_ptr_array_new_with_free_func (section_free);

  add_header (document, report);
  add_controller (document, report);
  add_subject (document, report);
  add_current_choices (document, report);
  add_history (document, report);
  add_purposes (document, report);
  add_recipients (document, report);
  add_sources (document, report);
  add_rights (document, report);
  return document;
}
