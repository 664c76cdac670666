//! Template filters and functions for Thai dates, numerals, money and URLs:
//!
//! | in a template | gives |
//! |---|---|
//! | `d \| thai_date` | `15 ม.ค. ๒๕๖๖` (digits per the site's `numerals`) |
//! | `d \| thai_date_long` | `15 มกราคม ๒๕๖๖` |
//! | `"2022-10" \| thai_month` | `ต.ค. ๖๕` |
//! | `"2022-10" \| thai_month_long` | `ตุลาคม ๒๕๖๕` |
//! | `x \| num` | any number or text with the site's digits |
//! | `satang \| money` | `1,234.50` |
//! | `satang \| baht_text` | `หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์` |
//! | `bytes \| filesize` | `12.5 KB` |
//! | `d \| fiscal_year` | `2566` (the fiscal year of a date) |
//! | `url("measures/2566/")` | the link, under the base path |
//! | `abs_url("feed.xml")` | the absolute URL |
//! | `asset("static/style.css")` | the link with the file's version, `…/style.css?v=1a2b3c4d` |

use std::collections::BTreeMap;

use chrono::NaiveDate;
use minijinja::{Environment, Error, ErrorKind, Value};

use crate::render::urls::Urls;
use crate::thai::calendar::{self, FiscalYear, YearMonth};
use crate::thai::money::Money;
use crate::thai::numerals::Numerals;

/// The filters and functions templates use; `assets` is the version of each of the theme's
/// static files, by name under `static/`.
pub fn register(
    env: &mut Environment<'static>,
    numerals: Numerals,
    urls: &Urls,
    assets: &BTreeMap<String, String>,
) {
    env.add_filter("thai_date", move |v: String| {
        date(&v).map(|d| calendar::format_date(d, numerals))
    });
    env.add_filter("thai_date_long", move |v: String| {
        date(&v).map(|d| calendar::format_date_long(d, numerals))
    });
    env.add_filter("thai_month", move |v: String| {
        month(&v).map(|m| calendar::format_month_short(m, numerals))
    });
    env.add_filter("thai_month_long", move |v: String| {
        month(&v).map(|m| calendar::format_month_long(m, numerals))
    });
    env.add_filter("num", move |v: Value| numerals.apply(&v.to_string()));
    env.add_filter("money", move |satang: i64| {
        numerals.apply(&Money(satang).format())
    });
    env.add_filter("baht_text", |satang: i64| Money(satang).baht_text());
    env.add_filter("filesize", move |bytes: u64| {
        numerals.apply(&filesize(bytes))
    });
    env.add_filter("fiscal_year", |v: String| {
        date(&v).map(|d| FiscalYear::of(d).be())
    });
    let u = urls.clone();
    env.add_function("url", move |rel: String| u.path(&rel));
    let u = urls.clone();
    env.add_function("abs_url", move |rel: String| u.abs(&rel));
    // A file of the theme with its version (`?v=`): a browser that kept another asks again.
    let (u, versions) = (urls.clone(), assets.clone());
    env.add_function("asset", move |rel: String| {
        let path = u.path(&rel);
        match rel.strip_prefix("static/").and_then(|n| versions.get(n)) {
            Some(v) => format!("{path}?v={v}"),
            None => path,
        }
    });
}

fn date(v: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("not an ISO date: {v:?}"),
        )
    })
}

fn month(v: &str) -> Result<YearMonth, Error> {
    YearMonth::parse(v)
        .map_err(|_| Error::new(ErrorKind::InvalidOperation, format!("not a month: {v:?}")))
}

/// `1536` → `1.5 KB`; one decimal, binary units as file managers show them.
pub fn filesize(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    #[allow(clippy::cast_precision_loss)]
    let mut size = bytes as f64 / 1024.0;
    let mut unit = 0;
    while size >= 1024.0 && unit < UNITS.len() - 1 {
        size /= 1024.0;
        unit += 1;
    }
    format!("{size:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(n: Numerals) -> Environment<'static> {
        let mut env = Environment::new();
        let assets = BTreeMap::from([("style.css".to_owned(), "1a2b3c4d".to_owned())]);
        register(
            &mut env,
            n,
            &Urls::new("https://a.go.th/s/", "/s/"),
            &assets,
        );
        env
    }

    #[test]
    fn a_theme_file_is_linked_with_its_version() {
        let e = env(Numerals::Arabic);
        assert_eq!(
            eval(&e, "{{ asset('static/style.css') }}"),
            "/s/static/style.css?v=1a2b3c4d"
        );
        // Not a file of the theme: the link alone.
        assert_eq!(eval(&e, "{{ asset('feed.xml') }}"), "/s/feed.xml");
    }

    fn eval(env: &Environment<'static>, src: &str) -> String {
        env.render_str(src, ()).unwrap()
    }

    #[test]
    fn thai_filters() {
        let e = env(Numerals::Thai);
        assert_eq!(eval(&e, "{{ '2023-01-15' | thai_date }}"), "๑๕ ม.ค. ๒๕๖๖");
        assert_eq!(eval(&e, "{{ '2022-10' | thai_month }}"), "ต.ค. ๖๕");
        assert_eq!(eval(&e, "{{ 123450 | money }}"), "๑,๒๓๔.๕๐");
        assert_eq!(
            eval(&e, "{{ 49800000 | baht_text }}"),
            "สี่แสนเก้าหมื่นแปดพันบาทถ้วน"
        );
        assert_eq!(eval(&e, "{{ '2022-10-01' | fiscal_year }}"), "2566");
        assert_eq!(
            eval(&e, "{{ url('a/') }} {{ abs_url('b') }}"),
            "/s/a/ https://a.go.th/s/b"
        );
        let a = env(Numerals::Arabic);
        assert_eq!(
            eval(&a, "{{ '2023-01-15' | thai_date_long }}"),
            "15 มกราคม 2566"
        );
    }

    #[test]
    fn sizes() {
        assert_eq!(filesize(10), "10 B");
        assert_eq!(filesize(1536), "1.5 KB");
        assert_eq!(filesize(5 * 1024 * 1024), "5.0 MB");
    }
}

/// JSON to place inside an HTML `<script>` element: `<`, `>` and `&` are written as `\u003c`,
/// `\u003e` and `\u0026`, so no text can end the element (`</script>`), open a comment that
/// swallows its end (`<!--`), or be read as markup; the JSON means the same.
pub fn json_in_html(value: &impl serde::Serialize) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod json_tests {
    #[test]
    fn json_in_html_cannot_end_its_script() {
        let v = serde_json::json!({"name": "X <!--<script></script> & co"});
        let text = super::json_in_html(&v);
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }
}
