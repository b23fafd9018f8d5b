//! Word lists for the demo school: French first and last names, towns of the Toulouse
//! académie (the guide's `ecollege31` context), school names, hardware models and apps.

use super::model::HardwareModel;

pub const FIRST_NAMES: &[&str] = &[
    "Emma", "Louise", "Jade", "Alice", "Chloé", "Lina", "Léa", "Rose", "Anna", "Mila", "Inès",
    "Ambre", "Julia", "Zoé", "Léna", "Manon", "Camille", "Sarah", "Lou", "Nina", "Gabriel", "Léo",
    "Raphaël", "Arthur", "Louis", "Jules", "Adam", "Maël", "Lucas", "Hugo", "Noah", "Liam",
    "Sacha", "Nathan", "Tom", "Théo", "Paul", "Ethan", "Nolan", "Mathis", "Yanis", "Rayan",
];

pub const LAST_NAMES: &[&str] = &[
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guerin",
    "Muller",
];

/// (town, latitude, longitude) in Haute-Garonne.
pub const TOWNS: &[(&str, f64, f64)] = &[
    ("Toulouse", 43.6045, 1.4440),
    ("Colomiers", 43.6112, 1.3353),
    ("Tournefeuille", 43.5853, 1.3450),
    ("Muret", 43.4614, 1.3269),
    ("Blagnac", 43.6373, 1.3900),
    ("Saint-Gaudens", 43.1081, 0.7234),
    ("Balma", 43.6111, 1.4994),
    ("L'Union", 43.6580, 1.4845),
    ("Ramonville-Saint-Agne", 43.5462, 1.4786),
    ("Castanet-Tolosan", 43.5161, 1.4986),
    ("Revel", 43.4586, 2.0047),
    ("Villefranche-de-Lauragais", 43.4000, 1.7167),
];

pub const SCHOOL_PATRONS: &[&str] = &[
    "Jean Jaurès",
    "Pierre de Fermat",
    "Marcel Pagnol",
    "Jules Ferry",
    "Victor Hugo",
    "Simone Veil",
    "Olympe de Gouges",
    "Jean Moulin",
    "Clémence Isaure",
    "Toulouse-Lautrec",
    "Lucie Aubrac",
    "Antoine de Saint-Exupéry",
    "Marie Curie",
    "Léo Lagrange",
    "George Sand",
];

pub const STREETS: &[&str] = &[
    "rue des Écoles",
    "avenue de la République",
    "allée des Tilleuls",
    "chemin du Collège",
    "boulevard Jean Jaurès",
    "rue Pasteur",
    "avenue des Pyrénées",
];

pub const STUDENT_MODELS: &[HardwareModel] = &[
    HardwareModel {
        name: "iPad (9th generation)",
        identifier: "iPad12,1",
        number: "MK2L3NF",
        capacity_mb: 61035,
        cellular: false,
    },
    HardwareModel {
        name: "iPad (10th generation)",
        identifier: "iPad13,18",
        number: "MPQ03NF",
        capacity_mb: 61035,
        cellular: false,
    },
    HardwareModel {
        name: "iPad (8th generation)",
        identifier: "iPad11,6",
        number: "MYL92NF",
        capacity_mb: 30518,
        cellular: false,
    },
];

pub const TEACHER_MODELS: &[HardwareModel] = &[
    HardwareModel {
        name: "iPad Air (5th generation)",
        identifier: "iPad13,16",
        number: "MM9C3NF",
        capacity_mb: 61035,
        cellular: false,
    },
    HardwareModel {
        name: "iPad (10th generation)",
        identifier: "iPad13,19",
        number: "MQ6K3NF",
        capacity_mb: 61035,
        cellular: true,
    },
    HardwareModel {
        name: "iPad Pro 11-inch (4th generation)",
        identifier: "iPad14,3",
        number: "MNXD3NF",
        capacity_mb: 122070,
        cellular: false,
    },
];

/// (version, build). The newest entry is what "up to date" means for smart groups.
pub const OS_VERSIONS: &[(&str, &str)] = &[
    ("16.7.10", "20H350"),
    ("17.7.10", "21H450"),
    ("18.6.2", "22G100"),
    ("26.0.1", "23A355"),
    ("26.1", "23B85"),
];

/// The iPad 8th generation stops at iPadOS 18.
pub fn max_os_index(model: &HardwareModel) -> usize {
    if model.identifier == "iPad11,6" {
        2
    } else {
        OS_VERSIONS.len() - 1
    }
}

/// Catalog apps: (name, bundle id, version, adam id, category, size kB, teachers only).
pub const CATALOG_APPS: &[(&str, &str, &str, u64, &str, u64, bool)] = &[
    (
        "Pages",
        "com.apple.Pages",
        "14.4",
        361309726,
        "Productivité",
        512000,
        false,
    ),
    (
        "Keynote",
        "com.apple.Keynote",
        "14.4",
        361285480,
        "Productivité",
        590000,
        false,
    ),
    (
        "Numbers",
        "com.apple.Numbers",
        "14.4",
        361304891,
        "Productivité",
        480000,
        false,
    ),
    (
        "GarageBand",
        "com.apple.mobilegarageband",
        "2.3.15",
        408709785,
        "Création",
        1600000,
        false,
    ),
    (
        "iMovie",
        "com.apple.iMovie",
        "3.5.3",
        377298193,
        "Création",
        720000,
        false,
    ),
    (
        "Clips",
        "com.apple.clips",
        "3.1.6",
        1212699939,
        "Création",
        310000,
        false,
    ),
    (
        "Book Creator for iPad",
        "com.redjumper.bookcreator",
        "5.9.1",
        442378070,
        "Éducation",
        190000,
        false,
    ),
    (
        "GeoGebra Calculatrice",
        "org.geogebra.suite",
        "5.2.901",
        1504416652,
        "Éducation",
        150000,
        false,
    ),
    (
        "Scratch Jr",
        "edu.mit.scratchjr",
        "1.5.11",
        895485086,
        "Éducation",
        120000,
        false,
    ),
    (
        "Plickers",
        "com.plickers.app",
        "4.8.2",
        701184049,
        "Éducation",
        60000,
        true,
    ),
    (
        "PRONOTE",
        "com.indexeducation.pronote",
        "2025.1.4",
        1138223804,
        "Éducation",
        95000,
        true,
    ),
    (
        "Explain Everything",
        "com.morriscooke.explaineverything",
        "6.12",
        431493086,
        "Éducation",
        210000,
        true,
    ),
    (
        "Classroom",
        "com.apple.classroom",
        "3.6",
        1085319084,
        "Utilitaires",
        40000,
        true,
    ),
    (
        "Jamf Self Service",
        "com.jamfsoftware.selfservice",
        "11.6.0",
        718509958,
        "Utilitaires",
        45000,
        false,
    ),
];

/// Apps teachers install with their personal Apple Account ("Other" in the guide).
pub const OTHER_APPS: &[(&str, &str, &str, u64)] = &[
    (
        "WhatsApp Messenger",
        "net.whatsapp.WhatsApp",
        "25.32.80",
        250000,
    ),
    ("Deezer", "com.deezer.Deezer", "10.40.0", 210000),
    ("Le Monde", "com.lemonde.LeMonde", "9.9.2", 90000),
    ("Waze", "com.waze.iphone", "5.11.0", 300000),
];

pub const CATEGORIES: &[&str] = &[
    "Éducation",
    "Productivité",
    "Création",
    "Utilitaires",
    "Restrictions",
];
