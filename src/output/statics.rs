//! Files copied as they are: the theme's static files (under `static/`) and attachments (under
//! `files/`).

use crate::output::{Body, Outputs};
use crate::site::Site;
use crate::site::routes;
use crate::site::theme::StaticFile;

pub fn render(site: &Site, out: &mut Outputs) {
    for (name, file) in &site.theme.statics {
        let body = match file {
            StaticFile::Builtin(bytes) => Body::Static(bytes),
            StaticFile::Disk(source) => Body::Copy(source.clone()),
        };
        out.add(routes::theme_file(name), body);
    }
    for a in site.attachments.values() {
        out.add(a.key.clone(), Body::Copy(a.source.clone()));
    }
}
