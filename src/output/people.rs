//! `/structure/`: the structure chart's people — the political side and the civil service,
//! each person with position, photo and contact — and the organisation's powers and duties.

use serde::Serialize;

use crate::ctx;
use crate::diagnostic::Diagnostics;
use crate::output::Outputs;
use crate::output::page::{AttachmentView, PageMeta, attachment_views};
use crate::render::{Renderer, Urls, markdown};
use crate::site::people::Person;
use crate::site::{Site, routes};

#[derive(Serialize)]
struct PersonView {
    name: String,
    position: String,
    unit: Option<String>,
    /// The photo's link, when there is one and it is an attachment of the site.
    photo: Option<String>,
    phone: Option<String>,
    email: Option<String>,
}

impl PersonView {
    fn new(site: &Site, p: &Person, urls: &Urls) -> Self {
        let photo = p
            .photo
            .as_deref()
            .and_then(|f| crate::site::attachment::normalize_ref(f).ok())
            .filter(|key| site.attachments.contains_key(key))
            .map(|key| urls.path(&key));
        Self {
            name: p.name.clone(),
            position: p.position.clone(),
            unit: p.unit.clone(),
            photo,
            phone: p.phone.clone(),
            email: p.email.clone(),
        }
    }
}

pub fn render(site: &Site, r: &Renderer, out: &mut Outputs, diags: &mut Diagnostics) {
    let Some(people) = &site.people else {
        return;
    };
    let urls = &r.urls;
    let views = |list: &[Person]| -> Vec<PersonView> {
        list.iter()
            .map(|p| PersonView::new(site, p, urls))
            .collect()
    };
    let title = format!("โครงสร้างและผู้บริหาร{}", site.config.name);
    let attachments: Vec<AttachmentView> = attachment_views(site, &people.data.attachments, urls);
    let rel = routes::structure();
    match r.render(
        "structure.html",
        ctx! {
            page => PageMeta::new(&title, rel, urls),
            political => views(&people.data.political),
            civil_service => views(&people.data.civil_service),
            authority_html => people.data.authority.as_ref().map(|a| markdown::to_html(a, urls).0),
            attachments => attachments,
        },
    ) {
        Ok(html) => out.add_page(rel, html),
        Err(d) => diags.push(d),
    }
}
