"""A sample image and the snippets (categories, people) the pages refer to; a few
more images and documents in collections, for the media docs."""

from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from blog.models import Category, Person

IMAGE_TITLE = "Sample image"

CATEGORIES = [
    {"name": "News", "slug": "news", "colour": "red"},
    {"name": "Tutorials", "slug": "tutorials", "colour": "blue"},
]

PEOPLE = [
    {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "job_title": "Analyst",
        "bio": "<p>Wrote the first published <b>algorithm</b> for a machine.</p>",
    },
    {
        "first_name": "Grace",
        "last_name": "Hopper",
        "job_title": "Rear admiral",
        "bio": "<p>Pioneer of <i>compilers</i> and of COBOL.</p>",
    },
]


def _png_bytes(width=160, height=90):
    """A small generated PNG, so the seed needs no binary fixture files."""
    image = PILImage.new("RGB", (width, height), (46, 110, 150))
    draw = ImageDraw.Draw(image)
    for x in range(0, width, 20):
        draw.line([(x, 0), (x + height, height)], fill=(240, 200, 80), width=4)
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def ensure_image():
    image_model = get_image_model()
    image = image_model.objects.filter(title=IMAGE_TITLE).first()
    if image is None:
        image = image_model(title=IMAGE_TITLE)
        image.file = ImageFile(BytesIO(_png_bytes()), name="sample.png")
        image.save()
    return image


def ensure_categories():
    categories = {}
    for data in CATEGORIES:
        category, _ = Category.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"], "colour": data["colour"]}
        )
        categories[category.slug] = category
    return categories


def ensure_people(user, image):
    """Create and publish each person through a revision, as the admin would."""
    people = {}
    for data in PEOPLE:
        person = Person.objects.filter(
            first_name=data["first_name"], last_name=data["last_name"]
        ).first()
        if person is None:
            person = Person(**data, live=False)
            if data["last_name"] == "Lovelace":
                person.image = image
            person.save()
            person.save_revision(user=user).publish(user=user)
            person.refresh_from_db()  # publish() updated a copy loaded from the revision
        people[data["last_name"].lower()] = person
    return people


#: Media the docs' examples read (docs/media.md): made after every page and snippet, so
#: their ids do not move the ids other examples use.
PHOTOS = [
    ("Harbour at dawn", (240, 160), ["sea", "morning"]),
    ("Mountain pass", (160, 240), ["hills"]),
]
DOCUMENTS = [
    ("Price list", "prices.csv", b"item,price\ncoffee,2.50\ntea,2.00\n", None),
    ("Board minutes", "minutes.txt", b"Minutes of the board meeting.\n", "Board"),
]


def _collection(name):
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=name).first()
    return found or root.add_child(name=name)


def _private_collection(name, group):
    """A collection only ``group`` may see (a view restriction, as the admin sets one)."""
    collection = _collection(name)
    restriction, created = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": CollectionViewRestriction.GROUPS}
    )
    if created:
        restriction.groups.add(group)
    return collection


def ensure_media(moderators):
    """A few images in a "Photos" collection, a public and a private document."""
    image_model, document_model = get_image_model(), get_document_model()
    photos = _collection("Photos")
    for title, (width, height), tags in PHOTOS:
        if not image_model.objects.filter(title=title).exists():
            image = image_model(title=title, collection=photos)
            image.file = ImageFile(
                BytesIO(_png_bytes(width, height)), name=f"{title.split()[0].lower()}.png"
            )
            image.save()
            image.tags.add(*tags)
    for title, filename, content, private in DOCUMENTS:
        if not document_model.objects.filter(title=title).exists():
            collection = (
                _private_collection(private, moderators)
                if private
                else Collection.get_first_root_node()
            )
            document = document_model(title=title, collection=collection)
            document.file = ContentFile(content, name=filename)
            document.save()
