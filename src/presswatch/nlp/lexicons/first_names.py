"""Common first names by usual gender, to keep "she" off a man and "he" off a woman.

Written for this project (no name data set can be downloaded here); a name missing from both lists
leaves the person's gender open, to be learned from the pronouns the article uses for them. A name
in both lists ("jean") says nothing.
"""
from __future__ import annotations

MALE = frozenset("""
aaron abdul abdullah adam adrian ahmad ahmed alan albert alex alexander alexandre ali allan andre
andrew andy angelo anthony antoine antonio arnold arthur ashraf barack ben benjamin benoit bernard
bernie bill billy bob bobby boris brad bradley brandon brendan brent brett brian bruce bryan caleb
calvin cameron carl carlos chad charles charlie chris christian christopher chuck clarence claude
clayton cody colin connor craig curtis dale dan daniel danny darren dave david dean dennis derek
devin dmitry dominic don donald doug douglas drew duncan dustin dwayne dylan ed eddie edward elijah
emmanuel eric erik ethan evan felix fernando francis francisco frank franklin fred freddie frederick
gabriel gary gavin geoff geoffrey george gerald gilles glen glenn gordon graham grant greg gregory
guillaume guy hamid harold harry hassan henry hossein howard hugh hugo hussein ian ibrahim isaac
ivan jack jacob jacques jake james jamie jared jason javier jay jean jeff jeffrey jeremy jerome
jerry jesse jim jimmy joe joel john johnny jon jonas jonathan jordan jorge jose joseph josh joshua
juan julian justin karl keith ken kenneth kevin khalid kyle lance larry lawrence lee leo leon
leonard liam louis luc lucas luis luke mahmoud malcolm marc marco marcus mario mark martin marty
masai matt matthew maurice max michael michel miguel mike mitch mitchell mohamed mohammad mohammed
muhammad mustafa nathan nathaniel neil nicholas nick nicolas noah norman oliver omar oscar owen
pablo patrick paul pedro peter phil philip philippe pierre rafael ralph randy raymond reza richard
rick ricky rob robert rodney roger roland ron ronald ross roy ruhollah russell ryan sam samuel scott
seamus sean sergei seth shane shawn simon stan stanley stephen steve steven stuart tariq ted terry
theodore thomas tim timothy todd tom tommy tony travis trevor troy tyler victor vincent vladimir
walter warren wayne william willie xavier yusuf yves zachary
""".split())

FEMALE = frozenset("""
abby abigail adriana aisha alexandra alexis alice alicia alison allison amanda amber amelia amy ana
andrea angela angelina anita ann anna anne annie april ashley audrey barbara beatrice becky beth
betty beverly brenda brianna bridget brittany caitlin camille candice carla carmen carol caroline
carolyn catherine cathy charlotte chelsea cheryl chloe chrissy christina christine chrystia cindy
claire clara claudia colleen courtney crystal cynthia dana danielle daphne debbie deborah denise
diana diane donna doris dorothy elaine eleanor elena elise elizabeth ella ellen emily emma erica
erin esther eva evelyn fatima fiona frances francine gabrielle gail genevieve georgia gillian gina
gloria grace hailey hannah harriet heather heidi helen hillary holly ingrid irene isabel isabelle
ivanka jacinda jackie jacqueline jane janet janice jasmine jean jennifer jenny jessica jill joan
joanna jodie josephine joy joyce judith judy julia julie june kamala karen kate katherine kathleen
kathryn kathy katie kayla kelly kim kimberly kristen kristin laura lauren leah lehla leila lena
leslie lily linda lisa liz lori louise lucy lydia lynn madeleine maria marie marilyn marina marion
martha mary maryam megan melania melanie melissa meredith michelle mila miranda molly monica monique
moyra nadia nancy naomi natalie nathalie nicole nina nora olivia pamela patricia paula pauline peggy
penny phyllis priya rachel rebecca renee rita roberta rosa rose ruth sabrina sally samantha sandra
sara sarah shannon sharon sheila shirley sophia sophie stacy stephanie susan suzanne sylvie tamara
tanya tara teresa theresa tiffany tina tracy valerie vanessa veronica victoria virginia wendy
whitney yasmin yvonne zoe
""".split())


def gender_of(first_name: str):
    """'m', 'f' or None for a first name."""
    n = first_name.lower()
    if n in MALE and n not in FEMALE:
        return "m"
    if n in FEMALE and n not in MALE:
        return "f"
    return None
