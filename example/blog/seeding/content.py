"""A sample image and the snippets (categories, people) the pages refer to."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

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
