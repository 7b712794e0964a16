from datetime import date

from django.db import transaction
from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET, require_POST

from .models import Booking, Room, Therapist


@require_GET
def clinic_schedule(request, clinic_id: int):
    """The day view the front desk keeps open all day (polled every 30 s)."""
    day = date.fromisoformat(request.GET.get("day", date.today().isoformat()))
    bookings = Booking.objects.filter(clinic_id=clinic_id, starts_at__date=day).order_by("starts_at")
    rows = []
    for booking in bookings:
        rows.append(
            {
                "id": booking.id,
                "starts_at": booking.starts_at.isoformat(),
                "patient": booking.patient.full_name,
                "therapist": booking.therapist.name,
                "room": booking.room.label,
                "status": booking.status,
            }
        )
    return JsonResponse({"day": day.isoformat(), "bookings": rows})


@require_GET
def therapist_load(request, clinic_id: int):
    """Bookings per therapist this week, for the capacity widget."""
    week_start = date.fromisoformat(request.GET["week"])
    result = []
    for therapist in Therapist.objects.filter(clinic_id=clinic_id, active=True):
        count = Booking.objects.filter(therapist=therapist, starts_at__week=week_start.isocalendar()[1], status="booked").count()
        result.append({"therapist": therapist.name, "bookings": count})
    return JsonResponse({"week": week_start.isoformat(), "load": result})


@require_POST
def book(request, clinic_id: int):
    room_id = int(request.POST["room"])
    with transaction.atomic():
        room = Room.objects.select_for_update().filter(id=room_id, clinic_id=clinic_id).first()
        if room is None:
            raise Http404("no such room")
        booking = Booking.objects.create(
            clinic_id=clinic_id,
            room=room,
            therapist_id=int(request.POST["therapist"]),
            patient_id=int(request.POST["patient"]),
            starts_at=request.POST["starts_at"],
            ends_at=request.POST["ends_at"],
        )
    return JsonResponse({"id": booking.id}, status=201)


@require_POST
def cancel(request, clinic_id: int, booking_id: int):
    booking = Booking.objects.get(id=booking_id)
    booking.status = "cancelled"
    booking.save(update_fields=["status"])
    return JsonResponse({"id": booking.id, "status": booking.status})
