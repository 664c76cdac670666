//! Every kind of finding has a stable code: `Y0102` (`missing-field`). Messages may be
//! reworded; codes stay, so `check --format json`, the tests and `docs/diagnostics.md` (an
//! example and a fix for each) refer to them. The letter says what the finding is about:
//!
//! | letter | about |
//! |---|---|
//! | F | files and folders of the site as they are read |
//! | Y | the shape of YAML and front matter |
//! | V | a value that cannot be read (date, month, year, amount) |
//! | S | site settings, the theme, ITA catalogs |
//! | D | documents (announcements, pages) and their addresses |
//! | A | attachments and links |
//! | M | integrity measures |
//! | P | procurement: plans, reference prices, monthly results |
//! | T | datasets (CSV and their description) |
//! | U | what staff typed that was not meant: unfinished templates, example content, marks |
//! | C | the disclosure rules (section 9, procurement, ITA): what is missing |
//! | R | templates |
//! | O | the output folder |

/// A kind of finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Code {
    /// `Y0102`
    pub id: &'static str,
    /// `missing-field`
    pub name: &'static str,
}

macro_rules! codes {
    ($($konst:ident = $id:literal $name:literal;)*) => {
        $(pub const $konst: Code = Code { id: $id, name: $name };)*
        /// Every code, in order.
        pub const ALL: &[Code] = &[$($konst),*];
    };
}

codes! {
    FILE_UNREADABLE = "F0101" "file-unreadable";
    FILE_TOO_LARGE = "F0102" "file-too-large";
    NOT_UTF8 = "F0103" "not-utf8";
    NESTING_TOO_DEEP = "F0104" "nesting-too-deep";
    CONTROL_CHARACTER = "F0105" "control-character";
    FOLDER_UNREADABLE = "F0106" "folder-unreadable";
    LINK_TO_HIDDEN = "F0107" "link-to-hidden-file";
    LINK_OUT_OF_SITE = "F0108" "link-out-of-site";
    FILE_NOT_USED = "F0109" "file-not-used";
    RECORD_TWICE = "F0110" "record-twice";
    LEGACY_ENCODING = "F0111" "legacy-encoding";

    YAML_SYNTAX = "Y0101" "yaml-syntax";
    TAB_INDENT = "Y0102" "tab-indent";
    MISSING_COLON = "Y0103" "missing-colon";
    BAD_INDENT = "Y0104" "bad-indent";
    UNCLOSED_QUOTE = "Y0105" "unclosed-quote";
    EMPTY_FILE = "Y0106" "empty-file";
    UNKNOWN_FIELD = "Y0201" "unknown-field";
    MISSING_FIELD = "Y0202" "missing-field";
    DUPLICATE_FIELD = "Y0203" "duplicate-field";
    WRONG_KIND = "Y0204" "wrong-kind";
    UNKNOWN_VALUE = "Y0205" "unknown-value";
    FRONT_MATTER_MISSING = "Y0301" "front-matter-missing";
    FRONT_MATTER_UNCLOSED = "Y0302" "front-matter-unclosed";

    BAD_DATE = "V0101" "bad-date";
    BAD_MONTH = "V0102" "bad-month";
    BAD_FISCAL_YEAR = "V0103" "bad-fiscal-year";
    BAD_AREA_CODE = "V0104" "bad-area-code";
    BAD_AMOUNT = "V0201" "bad-amount";
    NEGATIVE_AMOUNT = "V0202" "negative-amount";
    AMOUNT_TOO_LARGE = "V0203" "amount-too-large";
    BAD_METHOD = "V0301" "bad-method";
    BAD_NOTICE = "V0302" "bad-notice-type";

    SETTINGS_MISSING = "S0101" "settings-missing";
    NAME_EMPTY = "S0102" "name-empty";
    BASE_URL_INVALID = "S0103" "base-url-invalid";
    OCID_PREFIX_INVALID = "S0104" "ocid-prefix-invalid";
    AREA_URI_INVALID = "S0105" "area-uri-invalid";
    THEME_NOT_A_NAME = "S0201" "theme-not-a-name";
    THEME_MISSING = "S0202" "theme-missing";
    THEME_OUTSIDE = "S0203" "theme-outside-site";
    THEME_UNREADABLE = "S0204" "theme-unreadable";
    THEME_SEARCH_SCRIPT = "S0205" "theme-search-script-other-version";
    CATALOG_YEAR = "S0301" "catalog-year-mismatch";
    CATALOG_TOPIC = "S0302" "catalog-unknown-topic";
    PEOPLE_EMPTY = "S0401" "people-empty";

    DATE_MISSING = "D0101" "date-missing";
    TITLE_EMPTY = "D0102" "title-empty";
    EMBED_UNKNOWN = "D0103" "embed-unknown";
    SLUG_INVALID = "D0104" "slug-invalid";
    ADDRESS_RESERVED = "D0105" "address-reserved";
    ADDRESS_TWICE = "D0106" "address-twice";
    SECTION9_INVALID = "D0107" "section9-invalid";
    TOPIC_UNKNOWN = "D0108" "topic-unknown";

    ATTACHMENT_MISSING = "A0101" "attachment-missing";
    ATTACHMENT_OUTSIDE = "A0102" "attachment-outside-files";
    ATTACHMENT_NOT_FILES = "A0103" "attachment-not-under-files";
    ATTACHMENT_UNREADABLE = "A0104" "attachment-unreadable";
    ATTACHMENT_SCRIPTABLE = "A0105" "attachment-scriptable";
    LINK_BROKEN = "A0201" "link-broken";
    LINK_UNSAFE = "A0202" "link-unsafe";

    MEASURES_FILE_NAME = "M0101" "measures-file-name";
    MEASURES_YEAR = "M0102" "measures-year-mismatch";
    MEASURES_EMPTY = "M0103" "measures-empty";
    MEASURE_NO_METHODS = "M0104" "measure-no-methods";
    MEASURE_PERIOD = "M0105" "measure-period-reversed";

    FILE_NAME_MISMATCH = "P0101" "file-name-mismatch";
    PLAN_ID_TWICE = "P0102" "plan-id-twice";
    EXPECTED_OUTSIDE_YEAR = "P0103" "expected-month-outside-year";
    PLAN_ITEM_UNKNOWN = "P0104" "plan-item-unknown";
    OVER_BUDGET = "P0105" "over-budget";
    ESTIMATE_MISMATCH = "P0106" "estimate-mismatch";
    CONTRACT_OUTSIDE_YEAR = "P0107" "contract-outside-year";
    CONTRACT_OUTSIDE_MONTH = "P0108" "contract-outside-month";
    ROW_INCOMPLETE = "P0109" "row-incomplete";
    ROW_NO_BIDS = "P0110" "row-no-bids";
    PRICE_ZERO = "P0111" "price-zero";
    BUDGET_ZERO = "P0112" "budget-zero";
    PRICED_OUTSIDE_YEAR = "P0113" "priced-outside-year";
    TOTAL_OVERFLOW = "P0114" "total-overflow";
    FORM_UNVERIFIED = "P0115" "form-not-verified";
    FORM_FIELD_UNUSED = "P0116" "form-field-unused";
    FORM_ROW_EMPTY = "P0117" "form-row-empty";
    BUDGET_QUARTER = "P0201" "budget-quarter-invalid";
    BUDGET_PLAN_UNKNOWN = "P0202" "budget-programme-unknown";
    BUDGET_TOTAL = "P0203" "budget-total-mismatch";
    NOTICE_NO_DATE = "P0301" "notice-without-date";
    NOTICE_NO_PROJECT = "P0302" "notice-without-plan-item";
    EGP_PROJECT_INVALID = "P0303" "egp-project-invalid";

    COLUMNS_MISSING = "T0101" "columns-missing";
    CSV_MISSING = "T0102" "csv-missing";
    CSV_UNREADABLE = "T0103" "csv-unreadable";
    CSV_HEADER = "T0104" "csv-header-mismatch";
    CSV_ROW_LENGTH = "T0105" "csv-row-length";
    CSV_CELL = "T0106" "csv-cell-type";

    PLACEHOLDER = "U0101" "placeholder";
    OFFICIAL_FIELD_EMPTY = "U0102" "official-field-empty";
    HASH_IN_VALUE = "U0103" "hash-in-value";
    DOUBLED_MARK = "U0104" "doubled-mark";
    EXAMPLE_LEFT = "U0105" "example-content-left";

    MEASURES_MISSING = "C0101" "measures-missing";
    MEASURES_NO_REPORT = "C0102" "measures-no-report";
    PLAN_MISSING = "C0103" "plan-missing";
    MONTH_MISSING = "C0104" "month-missing";
    REFERENCE_PRICE_MISSING = "C0105" "reference-price-missing";
    ITA_ITEM_MISSING = "C0106" "ita-item-missing";
    NO_GIFT_MISSING = "C0107" "no-gift-missing";
    NO_GIFT_UNSIGNED = "C0108" "no-gift-not-signed-by-executive";

    TEMPLATE_ERROR = "R0101" "template-error";

    OUTPUT_NOT_OURS = "O0101" "output-not-ours";
    OUTPUT_IS_SITE = "O0102" "output-is-site";
    OUTPUT_NOT_FOLDER = "O0103" "output-not-a-folder";
    OUTPUT_MANIFEST = "O0104" "output-manifest-unreadable";
    OUTPUT_NAME = "O0105" "output-name-invalid";
    OUTPUT_LINK = "O0106" "output-link-dangling";
    OUTPUT_WRITE = "O0201" "output-write-failed";
}

/// The code a packed value-parser message carries ([`crate::diagnostic::Msg::pack`]).
pub fn by_id(id: &str) -> Option<Code> {
    ALL.iter().copied().find(|c| c.id == id)
}
