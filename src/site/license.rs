//! The open-data licenses prongsai knows by name (`license:` in site.yaml or a dataset), with
//! their page and title as catalogs and data packages name them.

/// A license known by its SPDX identifier.
pub struct License {
    pub id: &'static str,
    pub url: &'static str,
    pub title: &'static str,
}

pub const KNOWN: &[License] = &[
    License {
        id: "CC-BY-4.0",
        url: "https://creativecommons.org/licenses/by/4.0/",
        title: "Creative Commons Attribution 4.0",
    },
    License {
        id: "CC0-1.0",
        url: "https://creativecommons.org/publicdomain/zero/1.0/",
        title: "CC0 1.0",
    },
    License {
        id: "ODC-BY-1.0",
        url: "https://opendatacommons.org/licenses/by/1-0/",
        title: "Open Data Commons Attribution License 1.0",
    },
];

/// The license called `id`, when known.
pub fn known(id: &str) -> Option<&'static License> {
    KNOWN.iter().find(|l| l.id == id)
}

/// The page of the license called `id`, when known.
pub fn url(id: &str) -> Option<&'static str> {
    known(id).map(|l| l.url)
}
