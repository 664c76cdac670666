//! A generic dataset and the OCDS release package.

use super::*;

// ---- 7. a generic dataset ----

#[test]
fn generic_dataset_cells_are_normalised_in_the_published_csv() {
    let site = built();
    // "๑๒" and "1,200" become plain integers; BE dates, in either digits, become ISO CE.
    assert_eq!(
        site.read("public/data/complaints/complaints.csv"),
        "\u{feff}quarter,received,reported_on\r\n1/2566,12,2023-01-15\r\n2/2566,1200,2023-04-10\r\n"
    );
    let data = json(&site, "public/data/complaints/complaints.json");
    assert_eq!(data["rows"][1]["received"], 1200);
    assert_eq!(data["rows"][1]["reported_on"], "2023-04-10");
    assert_eq!(data["rows"][0]["quarter"], "1/2566");
}

#[test]
fn generic_dataset_saved_by_excel_with_bom_and_crlf_reads_the_same() {
    let csv = COMPLAINTS_CSV.replace('\n', "\r\n");
    let site = fixture().bytes(DATASET_CSV, format!("\u{feff}{csv}").as_bytes());
    site.build().success();
    assert_eq!(
        site.read("public/data/complaints/complaints.csv"),
        "\u{feff}quarter,received,reported_on\r\n1/2566,12,2023-01-15\r\n2/2566,1200,2023-04-10\r\n"
    );
}

// ---- 6 (procurement part). OCDS ----

fn ocds(site: &TestSite) -> Value {
    json(site, "public/data/ocds/2566.json")
}

#[test]
fn ocds_package_and_every_release_carry_the_required_fields() {
    let site = built();
    let package = ocds(&site);
    assert_eq!(package["version"], "1.1");
    assert_eq!(
        package["uri"],
        "https://www.example.go.th/data/ocds/2566.json"
    );
    assert_eq!(package["publisher"]["name"], "เทศบาลตำบลทดสอบ");
    assert!(
        package["publishedDate"]
            .as_str()
            .unwrap()
            .ends_with("+07:00")
    );
    let releases = package["releases"].as_array().unwrap();
    assert!(!releases.is_empty());
    let mut ids = std::collections::BTreeSet::new();
    for r in releases {
        let ocid = r["ocid"].as_str().expect("ocid");
        assert!(ocid.starts_with("ocds-test01-"), "{ocid}");
        let id = r["id"].as_str().expect("id");
        assert!(ids.insert((ocid, id)), "release id {id} twice under {ocid}");
        assert!(r["date"].as_str().unwrap().ends_with("+07:00"), "{r}");
        assert!(!r["tag"].as_array().expect("tag").is_empty());
        assert_eq!(r["initiationType"], "tender");
    }
}

#[test]
fn ocds_follows_a_plan_item_through_reference_price_to_contract_under_one_ocid() {
    let site = built();
    let package = ocds(&site);
    let releases: Vec<&Value> = package["releases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ocid"] == "ocds-test01-2566-66-001")
        .collect();
    let tags: Vec<Vec<&str>> = releases
        .iter()
        .map(|r| {
            r["tag"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(
        tags,
        [vec!["planning"], vec!["tender"], vec!["award", "contract"]]
    );

    let planning = releases[0];
    assert_eq!(
        planning["planning"]["budget"]["amount"]["amount"].as_f64(),
        Some(500_000.0)
    );
    assert_eq!(planning["planning"]["budget"]["amount"]["currency"], "THB");
    assert_eq!(planning["tender"]["status"], "planned");
    assert_eq!(planning["tender"]["procurementMethod"], "open");
    assert_eq!(planning["date"], "2022-10-25T00:00:00+07:00");

    let tender = releases[1];
    assert_eq!(
        tender["tender"]["value"]["amount"].as_f64(),
        Some(498_000.0)
    );
    assert_eq!(tender["tender"]["value"]["currency"], "THB");
    assert_eq!(tender["date"], "2023-01-10T00:00:00+07:00");

    let award = releases[2];
    let tenderers: Vec<&str> = award["tender"]["tenderers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(tenderers, ["หจก. ก่อสร้างดี", "บริษัท ถนนทอง จำกัด"]);
    let a = &award["awards"][0];
    assert_eq!(a["value"]["amount"].as_f64(), Some(490_000.0));
    assert_eq!(a["suppliers"][0]["name"], "บริษัท ถนนทอง จำกัด");
    let c = &award["contracts"][0];
    assert_eq!(c["awardID"], a["id"]);
    assert_eq!(c["dateSigned"], "2023-02-15T00:00:00+07:00");
    assert_eq!(c["value"]["amount"].as_f64(), Some(490_000.0));
    let supplier_id = &a["suppliers"][0]["id"];
    let party = award["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| &p["id"] == supplier_id)
        .expect("the supplier among the parties");
    assert!(
        party["roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "supplier")
    );
}

#[test]
fn no_ocds_without_an_ocid_prefix() {
    let site = fixture().replace("content/site.yaml", "ocid_prefix: ocds-test01\n", "");
    site.build().success();
    assert!(
        !site.exists("public/data/ocds"),
        "no OCDS folder without ocid_prefix"
    );
    assert!(
        site.exists("public/data/catalog.ttl"),
        "the rest of the open data stays"
    );
}
